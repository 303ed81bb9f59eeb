package de.ortsanker.imports;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in OSM mapping on a hand-made village (src/test/resources/fixtures/village.osm, OSM XML) with
 * what the real extracts lack: a Mitfahrbank, a club, vacant buildings, a multipolygon with a hole, a
 * municipality boundary.
 */
@PostgisTest
class OsmMappingTest {

    static ImportResult result;

    @BeforeAll
    static void importVillage(TestSchema db) throws Exception {
        result = Imports.importFile(db.dataSource(), fixture("village.osm")).orThrow();
    }

    static Path fixture(String name) throws Exception {
        return Path.of(OsmMappingTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void everyTaggedObjectBecomesTheKindItsTagsSay(TestSchema db) throws SQLException {
        assertThat(rows(db, "select source_id, kind from places where source = 'village' order by source_id")).containsExactlyInAnyOrderEntriesOf(
                Map.ofEntries(
                        Map.entry("node/1", "mitfahrbank"), Map.entry("node/2", "club"), Map.entry("node/3", "pub"),
                        Map.entry("node/4", "charging_station"), Map.entry("node/9", "bus_stop"),
                        Map.entry("node/50", "youth_club"), Map.entry("node/51", "shop_24_7"),
                        Map.entry("node/52", "health_site"), Map.entry("node/53", "car_sharing"),
                        Map.entry("node/54", "cafe"), Map.entry("node/55", "social_centre"),
                        Map.entry("way/100", "village_hall"), Map.entry("way/101", "vacant_building"),
                        Map.entry("way/106", "bus_stop"), Map.entry("relation/200", "vacant_building")));
        assertThat(result.counts(Target.PLACES).added()).isEqualTo(15);
    }

    @Test
    void tagsFillFieldsAndTypedDetails(TestSchema db) throws SQLException {
        assertThat(one(db, "select details::text from places where source = 'village' and source_id = 'node/1'"))
                .isEqualTo("{\"bench\": true, \"shelter\": true, \"destinations\": [\"Kulmbach\", \"Bayreuth\"]}");
        assertThat(one(db, "select details::text from places where source = 'village' and source_id = 'node/2'"))
                .isEqualTo("{\"sport\": [\"soccer\", \"tennis\"], \"club_type\": \"sport\"}");
        assertThat(one(db, "select concat_ws('|', operator_type, website) from places where source = 'village' and source_id = 'node/2'"))
                .isEqualTo("club|https://sv-harsdorf.example");
        assertThat(one(db, "select concat_ws('|', name, opening_hours, wheelchair, free_entry::text, addr_street,"
                + " addr_housenumber, addr_postcode, addr_city, last_verified, details->>'cuisine')"
                + " from places where source = 'village' and source_id = 'node/3'"))
                .isEqualTo("Gasthof Zur Post|Mo-Sa 11:00-23:00|limited|false|Hauptstraße|5|95499|Harsdorf|2025-03-14|regional");
        assertThat(one(db, "select details::text from places where source = 'village' and source_id = 'node/4'"))
                .isEqualTo("{\"network\": \"Bayernwerk\", \"sockets\": [\"type2\"], \"charge_points\": 2}");
        assertThat(one(db, "select details::text from places where source = 'village' and source_id = 'node/9'"))
                .isEqualTo("{\"routes\": [\"373\", \"374\"], \"shelter\": false}");
        // A café: consumption expected, whatever fee says; a social centre without fee: free.
        assertThat(one(db, "select free_entry::text from places where source = 'village' and source_id = 'node/54'")).isEqualTo("false");
        assertThat(one(db, "select free_entry::text from places where source = 'village' and source_id = 'node/55'")).isEqualTo("true");
        assertThat(one(db, "select concat_ws('|', details->>'network', details->>'vehicles')"
                + " from places where source = 'village' and source_id = 'node/53'")).isEqualTo("Dorfauto e.V.|1");
        // The edit date is kept as the source's edit, not as a check: last_verified only from check_date.
        assertThat(one(db, "select concat_ws('|', source_edited, coalesce(last_verified::text, 'none'))"
                + " from places where source = 'village' and source_id = 'node/1'")).isEqualTo("2024-05-01|none");
    }

    @Test
    void buildingsKeepTheirFootprintAndPointKindsGetAPointInside(TestSchema db) throws SQLException {
        assertThat(one(db, "select GeometryType(geom) || ' ' || ST_NumInteriorRings(geom) || ' '"
                + " || coalesce(name, '-') || ' ' || (details->>'former_use')"
                + " from places where source = 'village' and source_id = 'relation/200'")).isEqualTo("POLYGON 1 Alte Brauerei pub");
        assertThat(one(db, "select GeometryType(geom) || ' ' || (details->>'former_use')"
                + " from places where source = 'village' and source_id = 'way/101'")).isEqualTo("POLYGON house");
        assertThat(one(db, "select GeometryType(geom) || ' ' || ST_Intersects(geom,"
                + " ST_MakeEnvelope(11.5600, 50.0330, 11.5604, 50.0333, 4326)) from places where source = 'village' and source_id = 'way/100'"))
                .isEqualTo("POINT true");
        assertThat(one(db, "select ST_AsText(geom) from places where source = 'village' and source_id = 'way/106'"))
                .isEqualTo("POINT(11.5605 50.036)");
    }

    @Test
    void villagesWithPopulationAndTheMunicipalityWithItsKey(TestSchema db) throws SQLException {
        assertThat(one(db, "select concat_ws('|', name, kind, population, population_source, ags)"
                + " from localities where source = 'village' and source_id = 'node/5'")).isEqualTo("Harsdorf|village|1234|OpenStreetMap|09477119");
        assertThat(one(db, "select concat_ws('|', name, kind, coalesce(population::text, 'none'))"
                + " from localities where source = 'village' and source_id = 'node/6'")).isEqualTo("Lanzendorf|hamlet|none");
        assertThat(one(db, "select concat_ws('|', level, ags, ars, name, designation, GeometryType(geom),"
                + " round(ST_Area(geom::geography) / 1e6)) from admin_areas where source = 'village'"))
                .isEqualTo("gemeinde|09477119|094770119119|Harsdorf|Gemeinde|MULTIPOLYGON|12");
        assertThat(one(db, "select count(*) from addresses where source = 'village' and street = 'Hauptstraße'")).isEqualTo("2");
    }

    @Test
    void whatCannotBeImportedIsReportedWithItsElement() {
        assertThat(result.problems()).extracting(Problem::toString).contains(
                "village.osm node/7, name: a pub (pub) needs a name (rejected)",
                "village.osm node/6, population: 'ca. 80' is not a number of inhabitants; imported without it"
                        + " (field dropped)",
                "village.osm node/55, addr_postcode: '9549' is not a German postcode (five digits); imported"
                        + " without it (field dropped)",
                "village.osm relation/301, geometry: 1 of its 2 member ways are missing from the file (cut by"
                        + " the extract's edge?) (skipped)");
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void aChangedFileUpdatesRetiresAndAddsExactlyWhatChanged(TestSchema db, @TempDir Path dir) throws Exception {
        String original = Files.readString(fixture("village.osm"));
        Path changed = write(dir, "village.osm", changed(original));
        ImportResult r = Imports.importFile(db.dataSource(), changed).orThrow();
        assertThat(r.counts(Target.PLACES)).isEqualTo(new Counts(16, 1, 1, 13, 1, 1, 0, 0));
        assertThat(r.counts(Target.LOCALITIES)).isEqualTo(new Counts(2, 0, 1, 1, 0, 0, 0, 0));
        assertThat(one(db, "select opening_hours from places where source = 'village' and source_id = 'node/3'")).isEqualTo("Tu-Su 11:00-22:00");
        assertThat(one(db, "select retired_at is not null from places where source = 'village' and source_id = 'node/9'")).isEqualTo("t");
        assertThat(one(db, "select kind from places where source = 'village' and source_id = 'node/56'")).isEqualTo("library");

        // Back to the original: the bus stop returns (updated), the library is retired, nothing duplicated.
        ImportResult back = Imports.importFile(db.dataSource(), write(dir, "village.osm", original)).orThrow();
        assertThat(back.counts(Target.PLACES)).isEqualTo(new Counts(16, 0, 2, 13, 1, 1, 0, 0));
        assertThat(one(db, "select count(*) || '/' || count(distinct source_id) from places where source = 'village'")).isEqualTo("16/16");
        assertThat(one(db, "select retired_at is null from places where source = 'village' and source_id = 'node/9'")).isEqualTo("t");
    }

    @Test
    void aRecordEditedByHandIsNotOverwrittenButReported(TestSchema db, @TempDir Path dir) throws Exception {
        db.execute("update places set opening_hours = 'Mo-Fr 16:00-22:00', edited_at = now(), edited_by = 'steward'"
                + " where source_id = 'node/54'");
        String changedCafe = Files.readString(fixture("village.osm")).replace("<tag k=\"name\" v=\"Café Mühle\"/>",
                "<tag k=\"name\" v=\"Café Mühle\"/><tag k=\"opening_hours\" v=\"Sa-Su 14:00-18:00\"/>");
        Path file = write(dir, "village.osm", changedCafe);

        ImportResult kept = Imports.importFile(db.dataSource(), file).orThrow();
        assertThat(kept.conflicts()).isEqualTo(1);
        assertThat(kept.problems(Problem.Action.CONFLICT)).singleElement().satisfies(p -> {
            assertThat(p.element()).isEqualTo("node/54");
            assertThat(p.reason()).contains("edited by hand", "the hand edit was kept");
        });
        assertThat(one(db, "select opening_hours from places where source = 'village' and source_id = 'node/54'")).isEqualTo("Mo-Fr 16:00-22:00");

        ImportResult overwritten = Imports.importFile(db.dataSource(), file,
                ImportOptions.builder().onConflict(ImportOptions.OnConflict.OVERWRITE).build()).orThrow();
        assertThat(overwritten.conflicts()).isZero();
        assertThat(overwritten.counts(Target.PLACES).updated()).isEqualTo(1);
        assertThat(one(db, "select opening_hours || ' ' || (edited_at is null) from places where source = 'village' and source_id = 'node/54'"))
                .isEqualTo("Sa-Su 14:00-18:00 true");
        Imports.importFile(db.dataSource(), fixture("village.osm")).orThrow();
    }

    @Test
    void aMappingOfYourOwnExtendsTheBuiltInOne(TestSchema db, @TempDir Path dir) throws Exception {
        Path mapping = write(dir, "mine.yaml", """
                extends: builtin
                places:
                  - kind: meeting_room
                    when: {amenity: conference_centre, bookable: yes}
                """);
        String village = Files.readString(fixture("village.osm")).replace("<node id=\"10\"",
                "<node id=\"57\" lat=\"50.0329\" lon=\"11.5750\"><tag k=\"amenity\" v=\"conference_centre\"/>"
                        + "<tag k=\"bookable\" v=\"yes\"/><tag k=\"name\" v=\"Tagungsraum\"/></node>\n  <node id=\"10\"");
        ImportResult r = Imports.importFile(db.dataSource(), write(dir, "village-mine.osm", village),
                ImportOptions.builder().mapping(mapping).build()).orThrow();
        assertThat(r.counts(Target.PLACES).added()).isEqualTo(16);
        assertThat(one(db, "select kind || ' ' || name from places where source = 'village-mine' and source_id = 'node/57'"))
                .isEqualTo("meeting_room Tagungsraum");
        // The built-in rules still apply.
        assertThat(one(db, "select kind from places where source = 'village-mine' and source_id = 'node/1'"))
                .isEqualTo("mitfahrbank");
    }

    @Test
    void aMappingNamingAnUnknownKindOrDetailFailsBeforeAnythingIsRead(TestSchema db, @TempDir Path dir)
            throws Exception {
        Path unknownKind = write(dir, "kind.yaml", "extends: builtin\nplaces:\n  - kind: spaceport\n"
                + "    when: {aeroway: spaceport}\n");
        ImportResult r = Imports.importFile(db.dataSource(), fixture("village.osm"),
                ImportOptions.builder().source("mapping test").mapping(unknownKind).build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).startsWith("mapping kind.yaml, places rule 1: unknown kind 'spaceport' (known: ");
        Path unknownDetail = write(dir, "detail.yaml", "licence: ODbL-1.0\nattribution: © OpenStreetMap contributors\n"
                + "places:\n  - kind: pub\n    when: {amenity: pub}\n"
                + "    details: {beer: brewery}\n");
        assertThat(Imports.importFile(db.dataSource(), fixture("village.osm"), ImportOptions.builder()
                .source("mapping test").mapping(unknownDetail).build()).error())
                .isEqualTo("mapping detail.yaml, places rule 1 (pub): 'beer' is not a detail of this kind (its details:"
                        + " cuisine; a migration can add one)");
        assertThat(one(db, "select count(*) from places where source = 'mapping test'")).isEqualTo("0");
    }

    /** The fixture with an opening time changed, the bus stop gone, a library added, a population changed. */
    static String changed(String original) {
        String s = original.replace("Mo-Sa 11:00-23:00", "Tu-Su 11:00-22:00")
                .replace("<tag k=\"population\" v=\"1.234\"/>", "<tag k=\"population\" v=\"1300\"/>")
                .replaceFirst("(?s)<node id=\"9\".*?</node>", "")
                .replace("<node id=\"10\"", "<node id=\"56\" lat=\"50.0328\" lon=\"11.5740\">"
                        + "<tag k=\"amenity\" v=\"library\"/><tag k=\"name\" v=\"Bücherei\"/></node>\n  <node id=\"10\"");
        assertThat(s).isNotEqualTo(original);
        return s;
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    static String one(TestSchema db, String sql) throws SQLException {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as("a row from: " + sql).isTrue();
            return rs.getString(1);
        }
    }

    static Map<String, String> rows(TestSchema db, String sql) throws SQLException {
        var out = new TreeMap<String, String>();
        try (var c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static List<String> column(TestSchema db, String sql) throws SQLException {
        var out = new ArrayList<String>();
        try (var c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
