package de.ortsanker.places;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The known-answer fixture (src/test/resources/places/fixture.sql): a few hand-made places around
 * Harsdorf and in Mühlberg/Elbe, loaded for the test class and removed after it.
 */
abstract class PlacesFixture extends PlacesApiTest {

    @BeforeAll
    void loadFixture() throws IOException {
        removeFixture();
        try (var in = PlacesFixture.class.getResourceAsStream("/places/fixture.sql")) {
            db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    void removeFixture() {
        db.execute("delete from places where source = 'places-test'",
                "delete from localities where source = 'places-test'",
                "delete from addresses where source = 'places-test'",
                "delete from admin_areas where source = 'places-test'");
    }

}
