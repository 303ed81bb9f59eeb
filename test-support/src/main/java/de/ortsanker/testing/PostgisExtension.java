package de.ortsanker.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test class a fresh, migrated schema; see {@link PostgisTest}. */
public final class PostgisExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgisExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestSchema.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestSchema schema = schemaFor(context);
        return parameter.getParameter().getType() == TestSchema.class ? schema : schema.dataSource();
    }

    /** One schema per test class, closed (dropped) when the class's extension context closes. */
    private static TestSchema schemaFor(ExtensionContext context) {
        ExtensionContext classContext = context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow()
                : context;
        return classContext.getStore(NS)
                .getOrComputeIfAbsent("schema", k -> new Closing(TestDatabase.freshSchema()), Closing.class)
                .schema();
    }

    private record Closing(TestSchema schema) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            schema.close();
        }
    }
}
