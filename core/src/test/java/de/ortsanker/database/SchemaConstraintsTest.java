package de.ortsanker.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema itself refuses data that would make the map lie. */
@PostgisTest
class SchemaConstraintsTest {

    private final TestSchema db;

    SchemaConstraintsTest(TestSchema db) {
        this.db = db;
    }

    @BeforeEach
    void empty() {
        db.execute("truncate places, localities, admin_areas, population_cells, import_runs cascade");
    }

    /** Inserts a place with the given kind, geometry (WKT in 4326), name and details. */
    private void insertPlace(String sourceId, String kind, String wkt, String name, String details) {
        db.execute(String.format("insert into places (kind, name, geom, details, source, source_id, licence, attribution)"
                + " values (%s, %s, ST_GeomFromText('%s', 4326), '%s', 'test', '%s', 'ODbL', '© OpenStreetMap contributors')",
                kind == null ? "null" : "'" + kind + "'", name == null ? "null" : "'" + name + "'", wkt, details, sourceId));
    }

    private int count(String sql) {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void acceptsAWellFormedPlace() {
        insertPlace("1", "mitfahrbank", "POINT(11.58 49.99)", null,
                "{\"destinations\": [\"Bayreuth\", \"Kulmbach\"], \"shelter\": true}");
        assertThat(count("select count(*) from places where kind = 'mitfahrbank'")).isEqualTo(1);
    }

    @Test
    void rejectsAnUnknownKind() {
        assertThatThrownBy(() -> insertPlace("1", "spaceport", "POINT(11.58 49.99)", "X", "{}"))
                .hasMessageContaining("unknown kind \"spaceport\"");
        assertThat(count("select count(*) from places")).isZero();
    }

    @Test
    void rejectsAPolygonForAPointKind() {
        assertThatThrownBy(() -> insertPlace("1", "pub", "POLYGON((11 50, 11.1 50, 11.1 50.1, 11 50))", "Krone", "{}"))
                .hasMessageContaining("kind \"pub\" needs a point geometry, got POLYGON");
    }

    @Test
    void takesPolygonsWhereTheKindAllowsThem() {
        insertPlace("zone", "on_demand_zone", "POLYGON((11 50, 11.1 50, 11.1 50.1, 11 50))", "Rufbus Nord", "{}");
        insertPlace("house", "vacant_building", "POLYGON((11 50, 11.001 50, 11.001 50.001, 11 50))", null, "{}");
        insertPlace("spot", "vacant_building", "POINT(11 50)", null, "{\"floor_area_m2\": 120.5}");
        assertThat(count("select count(*) from places")).isEqualTo(3);
    }

    @Test
    void rejectsInvalidGeometry() {
        // A bow tie: self-intersecting.
        assertThatThrownBy(() -> insertPlace("1", "vacant_building",
                "POLYGON((11 50, 11.1 50.1, 11.1 50, 11 50.1, 11 50))", null, "{}"))
                .hasMessageContaining("places_geometry_valid");
    }

    @Test
    void rejectsAGeometryInAnotherCrs() {
        assertThatThrownBy(() -> db.execute("insert into places (kind, geom, source, source_id, licence, attribution)"
                + " values ('bus_stop', ST_SetSRID(ST_Point(700000, 5540000), 25832), 't', '1', 'x', 'y')"))
                .hasMessageContaining("SRID");
    }

    @Test
    void requiresANameWhereTheKindNeedsOne() {
        assertThatThrownBy(() -> insertPlace("1", "club", "POINT(11 50)", null, "{}"))
                .hasMessageContaining("kind \"club\" needs a name");
        assertThatThrownBy(() -> insertPlace("2", "club", "POINT(11 50)", "  ", "{}"))
                .hasMessageContaining("places_name_check");
    }

    @Test
    void checksDetailsAgainstTheKindsSchema() {
        assertThatThrownBy(() -> insertPlace("1", "charging_station", "POINT(11 50)", null, "{\"charge_points\": 2.5}"))
                .hasMessageContaining("details.charge_points must be integer");
        assertThatThrownBy(() -> insertPlace("2", "charging_station", "POINT(11 50)", null, "{\"colour\": \"red\"}"))
                .hasMessageContaining("details.colour is not a field of this kind (allowed: charge_points, network, sockets)");
        assertThatThrownBy(() -> insertPlace("3", "mitfahrbank", "POINT(11 50)", null, "{\"destinations\": [1, 2]}"))
                .hasMessageContaining("details.destinations must be string[]");
        insertPlace("4", "charging_station", "POINT(11 50)", null, "{\"charge_points\": 4, \"sockets\": [\"type2\"]}");
        assertThat(count("select count(*) from places")).isEqualTo(1);
    }

    /**
     * A partition loaded in bulk is checked by places_nonconforming instead of the row trigger (V60): for
     * each offence the two give the same words, and the check passes what the trigger passes.
     */
    @Test
    void theBulkCheckRefusesWhatTheRowTriggerRefuses() throws SQLException {
        String[][] offences = {
                {"spaceport", "POINT(11 50)", "'X'", "{}"},
                {"mitfahrbank", "POLYGON((11 50, 11.001 50, 11.001 50.001, 11 50))", "null", "{}"},
                {"pub", "POINT(11 50)", "null", "{}"},
                {"charging_station", "POINT(11 50)", "null", "{\"charge_points\": 2.5}"},
                {"charging_station", "POINT(11 50)", "null", "{\"charge_points\": \"two\"}"},
                {"charging_station", "POINT(11 50)", "null", "{\"colour\": \"red\"}"},
                {"mitfahrbank", "POINT(11 50)", "null", "{\"destinations\": [\"Harsdorf\", 2]}"},
        };
        db.execute("create table bulk_places (like places including defaults including generated including constraints)");
        for (String[] o : offences) {
            String values = String.format("('%s', %s, ST_GeomFromText('%s', 4326), '%s', 'test', 'r', 'ODbL', 'x')",
                    o[0], o[2], o[1], o[3]);
            String columns = " (kind, name, geom, details, source, source_id, licence, attribution) values ";
            String triggerSays = catchThrowable(() -> db.execute("insert into places" + columns + values)).getMessage();
            db.execute("truncate bulk_places");
            db.execute("insert into bulk_places" + columns + values);
            String bulkSays;
            try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                    "select source_id || ': ' || problem from places_nonconforming('bulk_places')")) {
                assertThat(rs.next()).isTrue();
                bulkSays = rs.getString(1);
            }
            assertThat(bulkSays).startsWith("r: ");
            assertThat(triggerSays).contains(bulkSays.substring(3));
            assertThatThrownBy(() -> db.execute("select places_assert_conforming('bulk_places')"))
                    .hasMessageContaining("record " + bulkSays);
        }
        db.execute("truncate bulk_places");
        db.execute("insert into bulk_places (kind, name, geom, details, source, source_id, licence, attribution) values"
                + " ('charging_station', null, ST_GeomFromText('POINT(11 50)', 4326),"
                + " '{\"charge_points\": 4, \"sockets\": [\"type2\"]}', 't', '1', 'l', 'a'),"
                + " ('mitfahrbank', null, ST_GeomFromText('POINT(11 50)', 4326), '{}', 't', '2', 'l', 'a')");
        assertThat(count("select count(*) from places_nonconforming('bulk_places')")).isZero();
        db.execute("drop table bulk_places");
    }

    @Test
    void keepsOneRecordPerSourceAndSourceId() {
        insertPlace("node/1", "bus_stop", "POINT(11 50)", null, "{}");
        assertThatThrownBy(() -> insertPlace("node/1", "bus_stop", "POINT(11 50)", null, "{}"))
                .hasMessageContaining("Key (source, source_id)=(test, node/1) already exists");
    }

    @Test
    void checksValuesWithAFixedMeaning() {
        assertThatThrownBy(() -> db.execute("insert into places (kind, geom, wheelchair, source, source_id, licence, attribution)"
                + " values ('bus_stop', ST_Point(11, 50, 4326), 'maybe', 't', '1', 'x', 'y')"))
                .hasMessageContaining("places_wheelchair_check");
        assertThatThrownBy(() -> db.execute("insert into places (kind, geom, valid_from, valid_to, source, source_id, licence, attribution)"
                + " values ('library', ST_Point(11, 50, 4326), '2026-05-01', '2026-04-01', 't', '1', 'x', 'y')"))
                .hasMessageContaining("places_validity_period");
        assertThatThrownBy(() -> db.execute("insert into places (kind, name, geom, capacity, source, source_id, licence, attribution)"
                + " values ('meeting_room', 'Saal', ST_Point(11, 50, 4326), -3, 't', '1', 'x', 'y')"))
                .hasMessageContaining("places_capacity_check");
        assertThatThrownBy(() -> db.execute("insert into places (kind, geom, source, source_id, attribution)"
                + " values ('bus_stop', ST_Point(11, 50, 4326), 't', '1', 'y')"))
                .hasMessageContaining("licence");
    }

    @Test
    void measuresDistancesInMetresOnTheSpheroid() throws SQLException {
        // References: Vincenty's inverse formula on the WGS 84 ellipsoid (computed independently).
        // Harsdorf → Bayreuth main station, and Flensburg → Oberstdorf across all of Germany.
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("select"
                + " ST_Distance(ST_Point(11.5686, 50.0293, 4326)::geography, ST_Point(11.5802, 49.9494, 4326)::geography),"
                + " ST_Distance(ST_Point(9.43, 54.78, 4326)::geography, ST_Point(10.28, 47.4, 4326)::geography)")) {
            rs.next();
            assertThat(rs.getDouble(1)).isCloseTo(8926.03, org.assertj.core.data.Offset.offset(0.05));
            assertThat(rs.getDouble(2)).isCloseTo(823162.89, org.assertj.core.data.Percentage.withPercentage(0.001));
        }
    }

    @Test
    void foldsNamesForSearch() throws SQLException {
        insertPlace("1", "village_hall", "POINT(11 50)", "Alte Mühle Straßdorf", "{}");
        for (String query : new String[] {"muhle", "Mühle", "MUEHLE", "strassdorf"}) {
            assertThat(count("select count(*) from places where name_folded like '%' || fold_name('" + query + "') || '%'"))
                    .as(query).isEqualTo(1);
        }
    }

    @Test
    void bumpsTheVersionOfOnlyTheLayersAStatementChanged() {
        int mobility = count("select version from data_versions where layer = 'mobility'");
        int clubs = count("select version from data_versions where layer = 'clubs'");
        insertPlace("1", "bus_stop", "POINT(11 50)", null, "{}");
        assertThat(count("select version from data_versions where layer = 'mobility'")).isEqualTo(mobility + 1);
        assertThat(count("select version from data_versions where layer = 'clubs'")).isEqualTo(clubs);

        // Re-kinding a record touches both the layer it leaves and the one it joins.
        db.execute("update places set kind = 'club', name = 'SV Harsdorf' where source_id = '1'");
        assertThat(count("select version from data_versions where layer = 'mobility'")).isEqualTo(mobility + 2);
        assertThat(count("select version from data_versions where layer = 'clubs'")).isEqualTo(clubs + 1);

        // A statement that changes nothing bumps nothing.
        db.execute("update places set name = 'x' where false");
        assertThat(count("select version from data_versions where layer = 'clubs'")).isEqualTo(clubs + 1);
    }

    @Test
    void keepsAdministrativeKeysConsistentWithTheirLevel() {
        assertThatThrownBy(() -> db.execute("insert into admin_areas (level, ags, name, geom, source, source_id, licence, attribution)"
                + " values ('gemeinde', '09472', 'Harsdorf', ST_Multi(ST_MakeEnvelope(11.5, 50, 11.6, 50.1, 4326)), 't', '1', 'x', 'y')"))
                .hasMessageContaining("admin_areas_key_fits_level");
        db.execute("insert into admin_areas (level, ags, name, geom, source, source_id, licence, attribution)"
                + " values ('gemeinde', '09472143', 'Harsdorf', ST_Multi(ST_MakeEnvelope(11.5, 50, 11.6, 50.1, 4326)), 't', '1', 'x', 'y')");
        assertThat(count("select version from data_versions where layer = 'admin_areas'")).isGreaterThan(1);
    }

    @Test
    void requiresASourceForEveryPopulationFigure() {
        assertThatThrownBy(() -> db.execute("insert into localities (name, kind, geom, population, source, source_id, licence, attribution)"
                + " values ('Harsdorf', 'village', ST_Point(11.57, 50.03, 4326), 1000, 't', '1', 'x', 'y')"))
                .hasMessageContaining("localities_population_has_source");
    }

    @Test
    void recordsImportRunsConsistently() {
        assertThatThrownBy(() -> db.execute("insert into import_runs (source, status) values ('osm', 'succeeded')"))
                .hasMessageContaining("import_runs_finished_when_done");
        db.execute("insert into import_runs (source, status, finished_at, added) values ('osm', 'succeeded', now(), 3)");
        assertThat(count("select added from import_runs")).isEqualTo(3);
    }
}
