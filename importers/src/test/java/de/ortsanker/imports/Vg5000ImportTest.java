package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BKG VG5000 shapefiles (EPSG:31467, UTF-8 .dbf) into admin_areas, recognised without options. */
@PostgisTest
class Vg5000ImportTest {

    static ImportResult kreise;
    static ImportResult gemeinden;
    static ImportResult laender;

    @BeforeAll
    static void importAll(TestSchema db) {
        kreise = Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
        gemeinden = Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_GEM.shp")).orThrow();
        laender = Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_LAN.shp")).orThrow();
    }

    @Test
    void all401DistrictsWithTheirKey(TestSchema db) throws Exception {
        assertThat(kreise.source()).isEqualTo("BKG VG5000 Kreise");
        assertThat(kreise.counts(Target.ADMIN_AREAS).added()).isEqualTo(401);
        assertThat(one(db, "select count(*) || ' ' || count(distinct ags) || ' ' || bool_and(ags ~ '^[0-9]{5}$')"
                + " from admin_areas where source = 'BKG VG5000 Kreise'")).isEqualTo("401 401 true");
        assertThat(one(db, "select name || ', ' || designation from admin_areas where source = 'BKG VG5000 Kreise' and ags = '09472'"))
                .isEqualTo("Bayreuth, Landkreis");
        assertThat(one(db, "select name || ', ' || designation from admin_areas where source = 'BKG VG5000 Kreise' and ags = '09462'"))
                .isEqualTo("Bayreuth, Kreisfreie Stadt");
    }

    @Test
    void everyMunicipalityWithItsKeyAndTheLaender(TestSchema db) throws Exception {
        assertThat(gemeinden.counts(Target.ADMIN_AREAS).added()).isEqualTo(10_997);
        assertThat(one(db, "select count(*) || ' ' || count(distinct ags) || ' ' || bool_and(ags ~ '^[0-9]{8}$')"
                + " || ' ' || bool_and(ars ~ '^[0-9]{12}$') || ' ' || bool_and(level = 'gemeinde') from admin_areas"
                + " where source = 'BKG VG5000 Gemeinden'"))
                .isEqualTo("10997 10997 true true true");
        // Umlauts from the UTF-8 .dbf (its .cpg says so).
        assertThat(one(db, "select name || ', ' || designation from admin_areas where level = 'gemeinde'"
                + " and ags = '09472116'")).isEqualTo("Bad Berneck i. Fichtelgebirge, Stadt");
        assertThat(one(db, "select name from admin_areas where level = 'gemeinde' and ags = '09477142'"))
                .isEqualTo("Neudrossenfeld");
        assertThat(one(db, "select name from admin_areas where level = 'gemeinde' and ags = '09475154'"))
                .isEqualTo("Münchberg");
        // 16 Länder; the nine rows of coastal waters and Lake Constance are not land area.
        assertThat(laender.counts(Target.ADMIN_AREAS)).isEqualTo(new Counts(16, 16, 0, 0, 0, 0, 0, 9));
    }

    @Test
    void boundariesAreValidAndWhereGermanyIs(TestSchema db) throws Exception {
        assertThat(one(db, "select bool_and(ST_IsValid(geom)) and bool_and(ST_SRID(geom) = 4326)"
                + " and ST_Contains(ST_MakeEnvelope(5.8, 47.2, 15.1, 55.1, 4326), ST_SetSRID(ST_Extent(geom)::geometry, 4326))"
                + " from admin_areas where source like 'BKG%'")).isEqualTo("t");
        // A Gemeinde lies in its Kreis: the transformation keeps the layers together.
        assertThat(one(db, "select count(*) from admin_areas g join admin_areas k on k.source = 'BKG VG5000 Kreise'"
                + " and k.ags = left(g.ags, 5) where g.source = 'BKG VG5000 Gemeinden'"
                + " and not ST_Contains(k.geom, ST_PointOnSurface(g.geom))")).isEqualTo("0");
        // Germany's area, about 357,600 km² (Destatis), from the Länder.
        assertThat(Double.parseDouble(one(db, "select sum(ST_Area(geom::geography)) / 1e6 from admin_areas"
                + " where source = 'BKG VG5000 Länder'"))).isBetween(354_000.0, 361_000.0);
        assertThat(one(db, "select string_agg(distinct licence || ' | ' || attribution, ', ') from admin_areas"
                + " where source like 'BKG%'"))
                .isEqualTo("dl-de/by-2-0 | © GeoBasis-DE / BKG 2021 (Daten verändert)");
    }

    @Test
    void theOsmBoundaryOfAMunicipalityMatchesVg5000(TestSchema db) throws Exception {
        Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf")).orThrow();
        double overlap = Double.parseDouble(one(db, "select ST_Area(ST_Intersection(o.geom, v.geom)::geography)"
                + " / ST_Area(ST_Union(o.geom, v.geom)::geography) from admin_areas o join admin_areas v"
                + " on v.ags = o.ags and v.source = 'BKG VG5000 Gemeinden' where o.source = 'north-bayreuth'"));
        assertThat(overlap).as("intersection over union of Heinersreuth, OSM and VG5000 (generalised 1:5 M)")
                .isGreaterThan(0.85);
    }

    @Test
    void aChangedFileUpdatesOneRenamedDistrictAndRetiresOneDeleted(TestSchema db, @TempDir Path dir) throws Exception {
        for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
            Files.copy(TestData.path("vg5000/VG5000_KRS." + ext), dir.resolve("VG5000_KRS." + ext),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path dbf = dir.resolve("VG5000_KRS.dbf");
        byte[] bytes = Files.readAllBytes(dbf);
        var header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = header.getShort(8);
        int recordLength = header.getShort(10);
        int genOffset = fieldOffset(bytes, "GEN");
        // Record 2 renamed (same width), record 3 marked deleted — as a GIS does when a feature is deleted.
        int record2 = headerLength + recordLength;
        String oldName = new String(bytes, record2 + genOffset, 10, StandardCharsets.UTF_8).strip();
        byte[] renamed = "Umbenannt".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(renamed, 0, bytes, record2 + genOffset, renamed.length);
        bytes[headerLength + 2 * recordLength] = '*';
        Files.write(dbf, bytes);

        ImportResult r = Imports.importFile(db.dataSource(), dir.resolve("VG5000_KRS.shp"),
                ImportOptions.builder().source("changed districts").build()).orThrow();
        assertThat(r.counts(Target.ADMIN_AREAS).added()).isEqualTo(400);
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp"),
                ImportOptions.builder().source("changed districts").build()).orThrow();
        ImportResult changed = Imports.importFile(db.dataSource(), dir.resolve("VG5000_KRS.shp"),
                ImportOptions.builder().source("changed districts").build()).orThrow();
        assertThat(changed.counts(Target.ADMIN_AREAS)).isEqualTo(new Counts(400, 0, 1, 399, 1, 0, 0, 0));
        assertThat(one(db, "select count(*) filter (where retired_at is not null) || ' '"
                + " || count(*) filter (where name like 'Umbenannt%') from admin_areas"
                + " where source = 'changed districts'")).isEqualTo("1 1");
        assertThat(oldName).isNotBlank();
    }

    /** The offset within a record of a .dbf field (after the deletion flag). */
    private static int fieldOffset(byte[] dbf, String field) {
        int offset = 1;
        for (int at = 32; dbf[at] != 0x0D; at += 32) {
            String name = new String(dbf, at, 11, StandardCharsets.US_ASCII).replace("\0", "").strip();
            if (name.equals(field)) {
                return offset;
            }
            offset += dbf[at + 16] & 0xff;
        }
        throw new IllegalArgumentException("no field " + field);
    }
}
