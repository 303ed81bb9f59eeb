package de.ortsanker.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against real PostGIS. Test methods (and constructors or lifecycle
 * methods) may declare a {@link TestSchema} or {@link javax.sql.DataSource} parameter: both belong to a
 * schema created and migrated for this class and dropped after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgisExtension.class)
public @interface PostgisTest {
}
