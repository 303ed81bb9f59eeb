package de.ortsanker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service running on a random port against real PostGIS, in a fresh schema of its own. Tests may
 * autowire {@link de.ortsanker.testing.TestSchema} to load fixtures. Contexts (and their schemas) are
 * shared between test classes with the same configuration, so tests clean up what they insert.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshSchemaInitializer.class)
public @interface ServiceTest {
}
