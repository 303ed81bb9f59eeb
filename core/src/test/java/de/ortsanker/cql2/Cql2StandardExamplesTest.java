package de.ortsanker.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.cql2.Queryable.Type;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter examples of the CQL2 standard (OGC 21-065, schema/examples/text: clause6_*, clause7_*, exampleNN)
 * and the expressions of its abstract test suite, evaluated by PostGIS against a small table whose rows
 * were chosen so that each example selects some rows and rejects others. The example names are the
 * standard's file names; the queryables map the standard's property names to the table's columns.
 */
@PostgisTest
class Cql2StandardExamplesTest {

    private static TestSchema db;

    private static final List<Queryable> COLUMNS = List.of(
            Queryable.of("id", Type.STRING, "t.uid"),
            Queryable.of("name", Type.STRING, "t.name"),
            Queryable.of("owner", Type.STRING, "t.owner"),
            Queryable.of("floors", Type.INTEGER, "t.floors"),
            Queryable.of("swimming_pool", Type.BOOLEAN, "t.swimming_pool"),
            Queryable.of("material", Type.STRING, "t.material"),
            Queryable.of("taxes", Type.NUMBER, "t.taxes"),
            Queryable.of("value", Type.NUMBER, "t.value"),
            Queryable.of("category", Type.INTEGER, "t.category"),
            Queryable.of("road_class", Type.STRING, "t.road_class"),
            Queryable.of("etat_vol", Type.STRING, "t.etat_vol"),
            Queryable.of("depth", Type.NUMBER, "t.depth"),
            Queryable.of("eo:cloud_cover", Type.NUMBER, "t.cloud_cover"),
            Queryable.of("eq:cloud_cover", Type.NUMBER, "t.cloud_cover"), // sic, example04
            Queryable.of("ro:cloud_cover", Type.NUMBER, "t.cloud_cover"), // sic, example05a
            Queryable.of("landsat:wrs_row", Type.INTEGER, "t.wrs_row"),
            Queryable.of("landsat:wrs_path", Type.INTEGER, "t.wrs_path"),
            Queryable.of("landsat:scene_id", Type.STRING, "t.scene_id"),
            Queryable.of("eo:instrument", Type.STRING, "t.instrument"),
            Queryable.of("eo_instruments", Type.STRING, "t.instrument"),
            Queryable.of("beamMode", Type.STRING, "t.beam_mode"),
            Queryable.of("swathDirection", Type.STRING, "t.swath_direction"),
            Queryable.of("polarization", Type.STRING, "t.polarization"),
            Queryable.of("built", Type.DATE, "t.built"),
            Queryable.of("updated", Type.TIMESTAMP, "t.updated"),
            Queryable.of("layer:ids", Type.STRING_ARRAY, "t.tags"),
            Queryable.geometry("geometry", "t.geom", null),
            Queryable.geometry("location", "t.geom", null),
            Queryable.geometry("footprint", "t.geom", null),
            Queryable.geometry("road", "t.geom", null));

    /** Example03 compares the path with texts, example04 with numbers: the standard's data differ. */
    private static final Queryable PATH_AS_TEXT = Queryable.of("landsat:wrs_path", Type.STRING, "t.wrs_path::text");

    @BeforeAll
    static void table(TestSchema schema) {
        db = schema;
        db.execute("""
            create table cql2_things (
                id int primary key, uid text, name text, owner text, floors int, swimming_pool boolean,
                material text, taxes numeric, value numeric, category int, road_class text, etat_vol text,
                depth numeric, cloud_cover numeric, wrs_row int, wrs_path int, scene_id text, instrument text,
                beam_mode text, swath_direction text, polarization text, built date, updated timestamptz,
                geom geometry(Geometry, 4326), tags text[])""",
            """
            insert into cql2_things values
             (1, 'fa7e1920-9107-422d-a3db-c468cbc5d6df', 'foo house', 'Mike Jones', 6, true, 'brick', 400, 15, 2,
              'Straße', 'débárquér', 120, 0.1, 28, 203, 'LC82030282019133LGN00', 'OLI_TIRS', 'ScanSAR Narrow',
              'ascending', 'HH+VV+HV+VH', '2012-01-01', '2020-01-01T00:00Z', 'POINT(-117.95 33.9)',
              '{layers-ca,layers-us,layers-mx}'),
             (2, 'b2', 'bar', 'mike smith', 3, false, 'wood', 600, null, 5, 'οδος', 'debarquer', 200, 0.2, 28, 203,
              'X', 'TM', 'ScanSAR Narrow', 'descending', 'HH', '2016-05-05', '2023-06-01T12:00Z',
              'POINT(7.02 49.92)', '{layers-ca}'),
             (3, 'c3', 'Foo bar', 'Jones', 4, null, 'glass brick', 500, 25, 3, 'STRASSE', 'Débarquer', 100, 0.15,
              29, 204, 'Y', 'OLI', 'ScanSAR Narrow', 'ascending', 'HH+VV+HV+VH', '2014-03-03', null,
              'POINT(-77.05 38.9)', '{}'),
             (4, 'd4', null, 'Mikey', 2, true, 'brick wall', 300, 10, 4, null, null, null, 0.05, 28, 203, 'Z',
              'ETM', null, null, null, null, null,
              'LINESTRING(43.72992 -79.2998, 43.73005 -79.2991, 43.73006 -79.2984, 43.73140 -79.2956,
                          43.73259 -79.2950, 43.73266 -79.2945, 43.73320 -79.2936, 43.73378 -79.2936,
                          43.73486 -79.2917)', null),
             (5, 'e5', 'baz', null, null, null, 'stone', null, 3, null, null, null, null, null, null, null, null,
              'OLI', null, null, null, null, null,
              'POLYGON((43.6 -79.45, 43.65 -79.45, 43.65 -79.40, 43.6 -79.40, 43.6 -79.45))', null)""");
    }

    static Stream<Arguments> examples() {
        return Stream.of(
            example("example01", "landsat:scene_id = 'LC82030282019133LGN00'", 1),
            example("example02", "eo:instrument LIKE 'OLI%'", 1, 3, 5),
            example("example04", "eq:cloud_cover < 0.1 AND landsat:wrs_row=28 AND landsat:wrs_path=203", 4),
            example("example05a", "ro:cloud_cover=0.1 OR ro:cloud_cover=0.2", 1, 2),
            example("example05b", "eo:cloud_cover IN (0.1,0.2)", 1, 2),
            example("example06a", "eo:cloud_cover BETWEEN 0.1 AND 0.2 AND landsat:wrs_row=28 AND landsat:wrs_path=203", 1, 2),
            example("example06b", "    eo:cloud_cover >= 0.1\nAND eo:cloud_cover <= 0.2\nAND landsat:wrs_row=28\n"
                    + "AND landsat:wrs_path=203\n", 1, 2),
            example("example07", "eo_instruments LIKE 'OLI%'\n AND S_INTERSECTS(footprint,POLYGON((43.5845 -79.5442,"
                    + " 43.6079 -79.4893, 43.5677 -79.4632, 43.6129 -79.3925, 43.6223 -79.3238, 43.6576 -79.3163,"
                    + " 43.7945 -79.1178, 43.8144 -79.1542, 43.8555 -79.1714, 43.7509 -79.6390, 43.5845 -79.5442)))", 5),
            example("example08", "    beamMode='ScanSAR Narrow'\nAND swathDirection='ascending'\n"
                    + "AND polarization='HH+VV+HV+VH'\nAND s_intersects(geometry,POLYGON((-77.117938 38.936860,"
                    + " -77.040604 39.995648, -76.910536 38.892912, -77.039359 38.791753, -77.047906 38.841462,"
                    + " -77.034183 38.840655, -77.033142 38.857490, -77.117938 38.936860)))", 3),
            example("example09", "floors>5", 1),
            example("example10", "taxes <= 500", 1, 3, 4),
            example("example11", "owner LIKE '%Jones%'", 1, 3),
            example("example12", "owner LIKE 'Mike%'", 1, 4),
            example("example13", "owner NOT LIKE '%Mike%'", 2, 3),
            example("example14", "swimming_pool = true", 1, 4),
            example("example15", "floors>5 AND swimming_pool=true", 1),
            example("example16", "swimming_pool=true AND (floors>5 OR material LIKE 'brick%' OR material LIKE '%brick')", 1, 4),
            example("example17", "(floors>5 AND material='brick') OR swimming_pool=true", 1, 4),
            example("example18", "NOT (floors<5) OR swimming_pool=true", 1, 4),
            example("example19", "(owner LIKE 'mike%' OR owner LIKE 'Mike%') AND floors<4", 2, 4),
            example("example23", "S_WITHIN(location,BBOX(-118,33.8,-117.9,34))", 1),
            example("example24", "S_INTERSECTS(geometry,POLYGON((-10.0 -10.0,10.0 -10.0,10.0 10.0,-10.0 -10.0)))"),
            example("example25", "floors>5 AND S_WITHIN(geometry,BBOX(-118,33.8,-117.9,34))", 1),
            example("example26", "CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))", 1, 2),
            example("example29", "\"id\" = 'fa7e1920-9107-422d-a3db-c468cbc5d6df'", 1),
            example("example30", "\"id\" <> 'fa7e1920-9107-422d-a3db-c468cbc5d6df'", 2, 3, 4, 5),
            example("example31", "\"value\" < 10", 5),
            example("example32", "\"value\" > 10", 1, 3),
            example("example33", "\"value\" <= 10", 4, 5),
            example("example34", "\"value\" >= 10", 1, 3, 4),
            example("example35", "\"name\" LIKE 'foo%'", 1),
            example("example36", "NOT \"name\" LIKE 'foo%'", 2, 3, 5),
            example("example37", "\"value\" BETWEEN 10 AND 20", 1, 4),
            example("example38", "NOT \"value\" BETWEEN 10 AND 20", 3, 5),
            example("example39", "\"value\" IN (1.0, 2.0, 3.0)", 5),
            example("example41", "\"value\" IS NULL", 2),
            example("example42", "NOT \"value\" IS NULL", 1, 3, 4, 5),
            example("example43", "(NOT \"name\" LIKE 'foo%' AND \"value\" > 10)", 3),
            example("example44", "(\"value\" IS NULL OR \"value\" BETWEEN 10 AND 20)", 1, 2, 4),
            example("example45", "S_INTERSECTS(\"geometry\", BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))", 1, 2, 3),
            example("example46", "S_EQUALS(POLYGON ((-0.333333 89.0, -102.723546 -0.5, -179.0 -89.0, -1.9 89.0, -0.0 89.0,"
                    + " 2.00001 -1.9, -0.333333 89.0)), \"geometry\")"),
            example("example47", "S_DISJOINT(\"geometry\", MULTIPOLYGON (((144.022387 45.176126, -1.1 0.0, 180.0 47.808086,"
                    + " 144.022387 45.176126))))", 1, 2, 3, 4, 5),
            example("example48", "S_TOUCHES(\"geometry\", MULTILINESTRING ((-1.9 -0.99999, 75.292574 1.5, -0.5 -4.016458,"
                    + " -31.708594 -74.743801, 179.0 -90.0),(-1.9 -1.1, 1.5 8.547371)))"),
            example("example49", "S_WITHIN(POLYGON Z ((-49.88024 0.5 -75993.341684, -1.5 -0.99999 -100000.0, 0.0 0.5 -0.333333,"
                    + " -49.88024 0.5 -75993.341684), (-65.887123 2.00001 -100000.0, 0.333333 -53.017711 -79471.332949,"
                    + " 180.0 0.0 1852.616704, -65.887123 2.00001 -100000.0)), \"geometry\")"),
            example("example50", "S_OVERLAPS(\"geometry\", BBOX(-179.912109, 1.9, 180.0, 16.897016))"),
            example("example51", "S_CROSSES(\"geometry\", LINESTRING (172.03086 1.5, 1.1 -90.0, -159.757695 0.99999,"
                    + " -180.0 0.5, -12.111235 81.336403, -0.5 64.43958, 0.0 81.991815, -155.93831 90.0))"),
            example("example52", "S_CONTAINS(\"geometry\", POINT (-3.508362 -1.754181))"),
            example("example83", "S_EQUALS(MULTIPOINT ((180.0 -0.5), (179.0 -47.121701), (180.0 -0.0), (33.470475 -0.99999),"
                    + " (179.0 -15.333062)), \"geometry\")"),
            example("example86", "\"name\" LIKE CASEI('FOO%')", 1),
            example("clause6_02d", "updated >= date('1970-01-01')", 1, 2),
            example("clause6_03", "geometry IS NOT NULL", 1, 2, 3, 4, 5),
            example("clause7_01", "name LIKE 'Smith%'"),
            example("clause7_02", "depth BETWEEN 100.0 and 150.0", 1, 3),
            example("clause7_03a", "category IN (1,2,3,4)", 1, 3, 4),
            example("clause7_03b", "category NOT IN (1,2,3,4)", 2),
            example("clause7_04", "CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))", 1, 2),
            example("clause7_05", "ACCENTI(etat_vol) = ACCENTI('débárquér')", 1, 2),
            example("clause7_07", "S_INTERSECTS(geometry,POINT(36.319836 32.288087))"),
            example("clause7_10", "S_CROSSES(road,POLYGON((43.7286 -79.2986, 43.7311 -79.2996, 43.7323 -79.2972,"
                    + " 43.7326 -79.2971, 43.7350 -79.2981, 43.7350 -79.2982, 43.7352 -79.2982, 43.7357 -79.2956,"
                    + " 43.7337 -79.2948, 43.7343 -79.2933, 43.7339 -79.2923, 43.7327 -79.2947, 43.7320 -79.2942,"
                    + " 43.7322 -79.2937, 43.7306 -79.2930, 43.7303 -79.2930, 43.7299 -79.2928, 43.7286 -79.2986)))", 4),
            example("clause7_15", "A_CONTAINS(layer:ids, ('layers-ca','layers-us'))", 1),
            // Abstract test suite expressions (Annex A)
            example("ats basic-cql2 true", "true", 1, 2, 3, 4, 5),
            example("ats basic-cql2 false", "false"),
            example("ats basic-cql2 <>", "floors <> 6", 2, 3, 4),
            example("ats basic-cql2 is not null", "floors is not null", 1, 2, 3, 4),
            example("ats advanced LIKE '%'", "material LIKE '%'", 1, 2, 3, 4, 5),
            example("ats advanced LIKE '_%'", "material like '_%'", 1, 2, 3, 4, 5),
            example("ats advanced LIKE ''", "material like ''"),
            example("ats advanced escaped", "material like 'brick\\_wall'"),
            example("ats advanced between swapped", "taxes between 600 and 300"),
            example("ats case-insensitive", "CASEI(owner) LIKE casei('MIKE%')", 1, 2, 4),
            example("ats accent-insensitive", "ACCENTI(CASEI(etat_vol)) = accenti(casei('DÉBARQUER'))", 1, 2, 3),
            example("ats property-property", "taxes > floors", 1, 2, 3, 4),
            example("ats basic-spatial bbox", "S_INTERSECTS(geometry,BBOX(-180,-90,180,90))", 1, 2, 3, 4, 5),
            example("ats basic-spatial point", "S_INTERSECTS(geometry,POINT(7.02 49.92))", 2),
            example("ats basic-spatial two boxes", "S_INTERSECTS(geometry,BBOX(-180,-90,-90,90)) AND S_INTERSECTS(geometry,BBOX(90,-90,180,90))"),
            example("ats spatial-plus collection", "S_INTERSECTS(geometry,GEOMETRYCOLLECTION(POINT(7.02 49.92), POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))))", 2),
            example("ats spatial-plus multipoint", "S_INTERSECTS(geometry,MULTIPOINT(7.02 49.92, 90 180))", 2),
            example("ats array overlaps", "A_OVERLAPS(layer:ids, ('layers-ca', 'nope'))", 1, 2),
            example("ats array contained by", "A_CONTAINEDBY(layer:ids, ('layers-ca', 'layers-us'))", 2, 3),
            example("s_dwithin (extension)", "S_DWITHIN(geometry, POINT(7.03 49.92), 1000)", 2),
            example("s_dwithin km (extension)", "S_DWITHIN(geometry, POINT(7.03 49.92), 0.5, km)"));
    }

    private static Arguments example(String name, String filter, Integer... ids) {
        return Arguments.of(name, filter, List.of(ids));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void selectsTheExpectedRows(String name, String filter, List<Integer> expected) throws SQLException {
        assertThat(select(SqlTranslator.toSql(Cql2.parseText(filter), Queryables.of(COLUMNS))))
                .as(name).containsExactlyElementsOf(expected);
    }

    @Test
    void example03ComparesThePathAsText() throws SQLException {
        var columns = new ArrayList<>(COLUMNS.stream().filter(q -> !q.name().equals("landsat:wrs_path")).toList());
        columns.add(PATH_AS_TEXT);
        var filter = SqlTranslator.toSql(Cql2.parseText("landsat:wrs_path IN ('153','154','203')"), Queryables.of(columns));
        assertThat(select(filter)).containsExactly(1, 2, 4);
    }

    @Test
    void cql2JsonExamplesSelectTheSameRows() throws SQLException {
        var q = Queryables.of(COLUMNS);
        assertThat(select(SqlTranslator.toSql(Cql2.parseJson("""
            {"op":"and","args":[{"op":"=","args":[{"property":"swimming_pool"},true]},
              {"op":"or","args":[{"op":">","args":[{"property":"floors"},5]},
                {"op":"like","args":[{"property":"material"},"brick%"]},
                {"op":"like","args":[{"property":"material"},"%brick"]}]}]}""")/* example16 */, q)))
                .containsExactly(1, 4);
        assertThat(select(SqlTranslator.toSql(Cql2.parseJson("""
            {"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[-128.098193,-1.1,-99999.0,180.0,90.0,100000.0]}]}
            """)/* example45 */, q))).containsExactly(1, 2, 3);
        assertThat(select(SqlTranslator.toSql(Cql2.parseJson("""
            {"op":"in","args":[{"op":"casei","args":[{"property":"road_class"}]},
              [{"op":"casei","args":["Οδος"]},{"op":"casei","args":["Straße"]}]]}""")/* clause7_04 */, q)))
                .containsExactly(1, 2);
        assertThat(select(SqlTranslator.toSql(Cql2.parseJson("""
            {"op":"s_within","args":[{"property":"location"},{"type":"Polygon","coordinates":
              [[[-118,33.8],[-117.9,33.8],[-117.9,34],[-118,34],[-118,33.8]]]}]}""")/* example23 as GeoJSON */, q)))
                .containsExactly(1);
    }

    @Test
    void literalsInAnotherCrsAreTransformedAndLatitudeFirstOnesSwapped() throws SQLException {
        var q = Queryables.of(COLUMNS);
        // row 2 lies at 7.02 E 49.92 N = 357868.67 E 5531615.43 N in UTM 32N (gdaltransform -s_srs OGC:CRS84 -t_srs EPSG:25832)
        assertThat(select(SqlTranslator.toSql(Cql2.parseText("S_INTERSECTS(geometry, BBOX(357860, 5531610, 357880, 5531620))"),
                q, new LiteralCrs(25832, false, true)))).containsExactly(2);
        assertThat(select(SqlTranslator.toSql(Cql2.parseText("S_INTERSECTS(geometry, BBOX(357870, 5531610, 357880, 5531620))"),
                q, new LiteralCrs(25832, false, true)))).isEmpty();
        assertThat(select(SqlTranslator.toSql(Cql2.parseText("S_INTERSECTS(geometry, BBOX(49.9, 7.0, 50, 7.1))"),
                q, new LiteralCrs(4326, true, false)))).containsExactly(2);
    }

    /**
     * CQL2's temporal functions (example20–22 and one per relation Masterportal's date filter sends), checked
     * against the rows' dates by hand: built 2012-01-01, 2016-05-05, 2014-03-03, none, none; updated
     * 2020-01-01T00:00Z, 2023-06-01T12:00Z, none. Days are days in Berlin when compared with instants.
     */
    static Stream<Arguments> temporal() {
        return Stream.of(
            example("example20", "T_BEFORE(built, DATE('2015-01-01'))", 1, 3),
            example("example21", "T_AFTER(updated, TIMESTAMP('2012-08-10T05:30:00Z'))", 1, 2),
            example("T_EQUALS date", "T_EQUALS(built, DATE('2014-03-03'))", 3),
            example("T_EQUALS timestamp", "T_EQUALS(updated, TIMESTAMP('2020-01-01T00:00:00Z'))", 1),
            example("T_AFTER date", "T_AFTER(built, DATE('2014-03-03'))", 2),
            example("T_INTERSECTS interval of dates", "T_INTERSECTS(built, INTERVAL('2013-01-01', '2015-12-31'))", 3),
            example("T_INTERSECTS open interval", "t_intersects(updated, INTERVAL('2023-06-01', '..'))", 2),
            example("T_INTERSECTS instant with a day", "T_INTERSECTS(updated, DATE('2023-06-01'))", 2),
            example("T_INTERSECTS a day and an instant", "T_INTERSECTS(updated, DATE('2020-01-01'))", 1),
            example("T_DISJOINT", "T_DISJOINT(built, INTERVAL('2013-01-01', '2015-12-31'))", 1, 2),
            example("example22-like T_DURING, mixed", "T_DURING(INTERVAL(built, updated),"
                    + " INTERVAL(TIMESTAMP('2010-01-01T00:00:00Z'), '2025-01-01'))", 1, 2),
            example("an interval's end without a value is open",
                    "T_CONTAINS(INTERVAL(built, '..'), DATE('2015-01-01'))", 1, 3, 4, 5),
            example("T_MEETS", "T_MEETS(INTERVAL('2010-01-01', '2012-01-01'), INTERVAL(built, DATE('2013-01-01')))", 1),
            example("T_OVERLAPS", "T_OVERLAPS(INTERVAL('2015-01-01', '2017-01-01'), INTERVAL(built, updated))", 2),
            example("T_STARTS", "T_STARTS(INTERVAL(built, DATE('2021-01-01')), INTERVAL(built, updated))", 2, 3, 4, 5));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("temporal")
    void temporalFunctionsSelectTheExpectedRows(String name, String filter, List<Integer> expected) throws SQLException {
        selectsTheExpectedRows(name, filter, expected);
    }

    @Test
    void temporalFunctionsInJsonAndTheirMistakes() throws SQLException {
        var q = Queryables.of(COLUMNS);
        assertThat(select(SqlTranslator.toSql(Cql2.parseJson("""
            {"op":"t_intersects","args":[{"property":"built"},{"interval":["2013-01-01",{"date":"2015-12-31"}]}]}"""), q)))
                .containsExactly(3);
        assertThat(select(SqlTranslator.toSql(Cql2.parseJson("""
            {"op":"t_before","args":[{"property":"updated"},{"timestamp":"2021-01-01T00:00:00Z"}]}"""), q)))
                .containsExactly(1);
        assertThatThrownBy(() -> SqlTranslator.toSql(Cql2.parseText("T_BEFORE(floors, DATE('2015-01-01'))"), q))
                .hasMessageContaining("T_BEFORE relates dates, timestamps and intervals, but floors is a number");
        assertThatThrownBy(() -> SqlTranslator.toSql(Cql2.parseText("T_BEFORE(built, INTERVAL('soon', '..'))"), q))
                .hasMessageContaining("'soon' is neither a date");
        assertThatThrownBy(() -> Cql2.parseText("T_SOMETIME(built, DATE('2015-01-01'))"))
                .hasMessageContaining("unknown temporal function T_SOMETIME");
    }

    private static List<Integer> select(SqlFilter filter) throws SQLException {
        try (var c = db.connect();
             var st = c.prepareStatement("select t.id from cql2_things t where " + filter.sql() + " order by t.id")) {
            filter.bind(st, 1);
            var ids = new ArrayList<Integer>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return ids;
        }
    }
}
