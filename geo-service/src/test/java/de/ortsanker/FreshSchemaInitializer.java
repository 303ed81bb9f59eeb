package de.ortsanker;

import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/** Points a test application context at a fresh, migrated schema and drops it when the context closes. */
public class FreshSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestSchema schema = TestDatabase.freshSchema();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ortsanker-test-schema", Map.of(
                "spring.datasource.url", urlFor(schema),
                "spring.datasource.username", schema.user(),
                "spring.datasource.password", schema.password(),
                "spring.flyway.schemas", schema.name(),
                // Spring keeps test contexts alive for reuse: small pools keep a whole suite well
                // inside the server's connection limit.
                "spring.datasource.hikari.maximum-pool-size", "4",
                "spring.datasource.hikari.minimum-idle", "1")));
        context.getBeanFactory().registerSingleton("testSchema", schema);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                schema.close();
            }
        });
    }

    /** The JDBC URL the service under test connects with; a subclass may route it elsewhere. */
    protected String urlFor(TestSchema schema) {
        return schema.jdbcUrl();
    }
}
