package de.ortsanker.features;

import de.ortsanker.ServiceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The service on real PostGIS with the OGC API fixtures ({@link Fixtures}): one Spring context and one
 * schema shared by all OGC API test classes, apart from other packages' tests so that their data and
 * ours do not mix. It also publishes {@link ExtraCollection}, declared as a bean like another package would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@Import(ExtraCollection.class)
@TestPropertySource(properties = "ortsanker.test.context=ogc-api-features")
public @interface FeaturesTest {
}
