package de.ortsanker.features;

import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** Loads {@code features/fixtures.sql} into the shared test schema once. */
final class Fixtures {

    private Fixtures() {
    }

    static synchronized void ensureLoaded(TestSchema db) {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "select count(*) from places where source_id = 'n1' and source = 'ogc-test'")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Fixtures.class.getResourceAsStream("/features/fixtures.sql")) {
            db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
