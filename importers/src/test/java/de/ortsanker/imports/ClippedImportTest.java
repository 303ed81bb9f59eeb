package de.ortsanker.imports;

import static de.ortsanker.imports.KilledImportTest.fingerprint;
import static de.ortsanker.imports.OsmMappingTest.column;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --area AGS}: an import clipped to an official boundary, on real extracts. Checked by PostGIS, against
 * the same extract imported unclipped: every record of the clipped import lies within the boundary
 * (ST_Within), and every record of the unclipped one that lies within it is in the clipped one.
 */
@PostgisTest
class ClippedImportTest {

    private static final String[][] TABLES = {{"places", "geom"}, {"localities", "geom"}, {"addresses", "geom"},
            {"admin_areas", "geom"}};

    @BeforeAll
    static void boundaries(TestSchema db) throws Exception {
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_GEM.shp")).orThrow();
    }

    @Test
    void aGemeindeFromTheHerrenbergExtract(TestSchema db) throws Exception {
        clippedEqualsUnclippedWithin(db, "osm/herrenberg-and-around-2020-04-21.osm.pbf", "08115021");
    }

    @Test
    void aKreisFromTheExtractNorthOfBayreuth(TestSchema db) throws Exception {
        clippedEqualsUnclippedWithin(db, "osm/north-bayreuth.osm.pbf", "09472");
    }

    private static void clippedEqualsUnclippedWithin(TestSchema db, String extract, String ags) throws Exception {
        String full = "full " + ags;
        Imports.importFile(db.dataSource(), TestData.path(extract), ImportOptions.builder().source(full).build())
                .orThrow();
        ImportResult clipped = Imports.importFile(db.dataSource(), TestData.path(extract),
                ImportOptions.builder().area(ags).build()).orThrow();
        String source = clipped.source();
        assertThat(source).endsWith("-" + ags);
        assertThat(clipped.stats().get("area.outside")).isPositive();
        String boundary = "(select ST_Union(geom) from admin_areas where ags = '" + ags + "' and source like 'BKG VG5000%'"
                + " and retired_at is null)";
        assertThat(one(db, "select count(*) from admin_areas where ags = '" + ags + "' and source like 'BKG VG5000%'"))
                .isNotEqualTo("0");
        long kept = 0;
        for (String[] t : TABLES) {
            String table = t[0];
            // Every record of the clipped import lies within the boundary.
            assertThat(one(db, "select count(*) from " + table + " where source = '" + source + "' and not ST_Within("
                    + t[1] + ", " + boundary + ")")).as(table + " outside").isEqualTo("0");
            // None of the unclipped import's records within it is lost.
            List<String> within = column(db, "select source_id from " + table + " where source = '" + full
                    + "' and ST_Within(" + t[1] + ", " + boundary + ") order by source_id");
            List<String> imported = column(db, "select source_id from " + table + " where source = '" + source
                    + "' order by source_id");
            assertThat(imported).as(table).isEqualTo(within);
            kept += imported.size();
        }
        assertThat(kept).isGreaterThan(40);
        assertThat(column(db, "select source_id from places where source = '" + source + "'")).hasSizeGreaterThan(10);
    }

    @Test
    void censusCellsAreClippedByTheirCentre(TestSchema db) throws Exception {
        Path grid = OsmMappingTest.fixture("Zensus2022_Bevoelkerungszahl_100m-Gitter.csv");
        Imports.importFile(db.dataSource(), grid, ImportOptions.builder().source("grid full").build()).orThrow();
        ImportResult inside = Imports.importFile(db.dataSource(), grid, ImportOptions.builder().source("grid 09472")
                .area("09472").build()).orThrow();
        String boundary = "(select ST_Union(geom) from admin_areas where ags = '09472' and retired_at is null)";
        // PostGIS, on the centres as stored (EPSG:3035): the clipped import holds the cells within the Kreis.
        List<String> within = column(db, "select cell_id from population_cells where source = 'grid full'"
                + " and ST_Within(ST_Transform(centre, 4326), " + boundary + ") order by cell_id");
        assertThat(within).isNotEmpty();
        assertThat(column(db, "select cell_id from population_cells where source = 'grid 09472' order by cell_id"))
                .isEqualTo(within);
        assertThat(inside.stats()).doesNotContainKey("area.outside");
        // The neighbouring Kreis (Kulmbach) holds none of them: the wrong extract for the area, which changes
        // nothing (imported as it is, it would retire what the source held).
        String before = fingerprint(db);
        ImportResult outside = Imports.importFile(db.dataSource(), grid, ImportOptions.builder().source("grid 09472")
                .area("09477").build());
        assertThat(outside.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(outside.error()).isEqualTo("nothing of Zensus2022_Bevoelkerungszahl_100m-Gitter.csv lies within"
                + " Kulmbach (AGS 09477): wrong extract or key? Nothing was changed");
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(column(db, "select cell_id from population_cells where source = 'grid 09472' order by cell_id"))
                .isEqualTo(within);
    }

    @Test
    void anUnknownKeyIsAClearErrorAndChangesNothing(TestSchema db) throws Exception {
        String before = fingerprint(db);
        long runs = Long.parseLong(one(db, "select count(*) from import_runs"));
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("osm/hoyerswerda.osm.pbf"),
                ImportOptions.builder().area("99999").build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).startsWith("--area 99999: no administrative area with this key (AGS) is imported");
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select count(*) from import_runs")).isEqualTo(String.valueOf(runs));
    }
}
