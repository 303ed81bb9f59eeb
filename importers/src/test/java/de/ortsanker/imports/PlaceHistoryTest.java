package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.fixture;
import static de.ortsanker.imports.OsmMappingTest.one;
import static de.ortsanker.imports.OsmMappingTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Imports write the places' history (V91) with their run, and the one public entry to the places' rules
 * for hand edits ({@link PlaceValidation}) answers with the importers' own fields and messages.
 */
@PostgisTest
class PlaceHistoryTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Test
    void everyImportedChangeIsAVersionOfItsRun(TestSchema db, @TempDir Path dir) throws Exception {
        ImportResult first = Imports.importFile(db.dataSource(), fixture("village.osm")).orThrow();
        String cafe = "(select id from places where source = 'village' and source_id = 'node/54')";
        assertThat(one(db, "select version || ' ' || origin || ' ' || import_run || ' ' || (changes -> 'name' ->> 'new')"
                + " from place_versions where place_id = " + cafe)).isEqualTo("1 import " + first.runId() + " Café Mühle");
        assertThat(one(db, "select count(*) from place_versions")).isEqualTo(one(db, "select count(*) from places"));

        String changed = Files.readString(fixture("village.osm")).replace("<tag k=\"name\" v=\"Café Mühle\"/>",
                "<tag k=\"name\" v=\"Café Mühle\"/><tag k=\"opening_hours\" v=\"Sa-Su 14:00-18:00\"/>");
        ImportResult second = Imports.importFile(db.dataSource(), write(dir, "village.osm", changed)).orThrow();
        assertThat(one(db, "select version || ' ' || import_run || ' ' || (changes - 'source_edited')::text"
                + " from place_versions where place_id = " + cafe + " and version = 2"))
                .isEqualTo("2 " + second.runId() + " {\"opening_hours\": {\"new\": \"Sa-Su 14:00-18:00\", \"old\": null}}");
        // the unchanged places got no version
        assertThat(one(db, "select count(*) from place_versions where version = 2")).isEqualTo("1");
        Imports.importFile(db.dataSource(), fixture("village.osm")).orThrow();
    }

    @Test
    void handEditsAreCheckedWithTheImportersRulesAndWords(TestSchema db) throws Exception {
        Vocabulary vocabulary;
        try (var c = db.connect()) {
            vocabulary = Vocabulary.load(c);
        }
        var point = WGS84.createPoint(new Coordinate(11.57, 50.03));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", "Verein");
        fields.put("name", "  SV Harsdorf ");
        fields.put("wheelchair", "teilweise");
        fields.put("capacity", "12");
        fields.put("equipment", List.of("Beamer", "Küche"));
        var valid = PlaceValidation.check(vocabulary, fields, point);
        assertThat(valid.isValid()).isTrue();
        assertThat(valid.valid().kind()).isEqualTo("club");
        assertThat(valid.valid().columns()).containsEntry("name", "SV Harsdorf").containsEntry("wheelchair", "limited")
                .containsEntry("capacity", 12).containsEntry("equipment", List.of("Beamer", "Küche"));

        fields.put("addr_postcode", "9547");
        fields.put("capacity", "viele");
        fields.put("colour", "red");
        fields.put("name", null);
        var invalid = PlaceValidation.check(vocabulary, fields, point);
        assertThat(invalid.isValid()).isFalse();
        assertThat(invalid.problems()).extracting(PlaceValidation.Invalid::field)
                .containsExactlyInAnyOrder("capacity", "colour", "name");
        assertThat(invalid.problems()).extracting(PlaceValidation.Invalid::reason)
                .contains("'viele' is not a whole number", "a club (club) needs a name");
        var area = PlaceValidation.check(vocabulary, Map.of("kind", "village_hall", "name", "Dorfhaus"),
                WGS84.createLineString(new Coordinate[] {new Coordinate(11.5, 50), new Coordinate(11.6, 50)}));
        assertThat(area.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("geometry"));
    }
}
