package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sources holding the same municipality or village give one record, whichever is imported first:
 * the official boundary stands for the municipality (OpenStreetMap's is linked to it), OpenStreetMap's
 * village for the village (GeoNames' is linked to it) — on the real extract north of Bayreuth, the BKG
 * municipalities and GeoNames. Re-imports change nothing and keep the links.
 */
@PostgisTest
class OneRecordPerThingTest {

    private static final String OSM = "data/osm/north-bayreuth.osm.pbf";
    private final TestSchema db;

    OneRecordPerThingTest(TestSchema db) {
        this.db = db;
    }

    @BeforeEach
    void empty() {
        db.execute("truncate places, localities, admin_areas, addresses, import_runs cascade");
    }

    private ImportResult load(String file) {
        return Imports.importFile(db.dataSource(), TestData.path(file.replaceFirst("^data/", ""))).orThrow();
    }

    /** Current municipalities per key that are held more than once (must be none). */
    private String doubleAreas() throws Exception {
        return one(db, "select count(*) from (select level, ags from admin_areas where retired_at is null"
                + " group by level, ags having count(*) > 1) d");
    }

    @Test
    void theOfficialBoundaryStandsForTheMunicipalityWhicheverComesFirst() throws Exception {
        ImportResult osm = load(OSM);
        long osmAreas = osm.counts(Target.ADMIN_AREAS).added();
        assertThat(osmAreas).isPositive();
        load("vg5000/VG5000_GEM.shp");
        assertThat(doubleAreas()).isEqualTo("0");
        // Heinersreuth (09472150) is in both: the BKG record is current, OpenStreetMap's linked to it.
        assertThat(one(db, "select string_agg(source || ':' || (retired_at is null) || ':'"
                + " || coalesce((select b.source from admin_areas b where b.id = a.superseded_by), '-'), ', ' order by source)"
                + " from admin_areas a where ags = '09472150' and level = 'gemeinde'"))
                .isEqualTo("BKG VG5000 Gemeinden:true:-, north-bayreuth:false:BKG VG5000 Gemeinden");
        assertThat(one(db, "select count(*) from admin_areas where source = 'north-bayreuth' and superseded_by is null"
                + " and retired_at is null and level = 'gemeinde'")).isEqualTo("0");

        // Again: nothing changes, the links stay.
        ImportResult again = load(OSM);
        assertThat(again.counts(Target.ADMIN_AREAS).unchanged()).isEqualTo(osmAreas);
        assertThat(again.counts(Target.ADMIN_AREAS).updated()).isZero();
        assertThat(again.stats()).containsEntry("admin_areas.linked", 0L);
        assertThat(doubleAreas()).isEqualTo("0");
    }

    @Test
    void anOpenStreetMapBoundaryArrivingLaterIsLinkedAtOnce() throws Exception {
        load("vg5000/VG5000_GEM.shp");
        ImportResult osm = load(OSM);
        assertThat(osm.stats().get("admin_areas.linked")).isEqualTo(osm.counts(Target.ADMIN_AREAS).added());
        assertThat(doubleAreas()).isEqualTo("0");
        // Every municipality still has its one current record: none lost to the linking.
        assertThat(one(db, "select count(*) from admin_areas where level = 'gemeinde' and retired_at is null"))
                .isEqualTo(one(db, "select count(distinct ags) from admin_areas where level = 'gemeinde'"));
    }

    @Test
    void aListsVillageThatOpenStreetMapHoldsIsThatVillage() throws Exception {
        load("geonames/de-places-geonames-pop1000.csv");
        ImportResult osm = load(OSM);
        assertThat(osm.stats().get("localities.linked")).isPositive();
        // Neudrossenfeld: one current village, OpenStreetMap's; GeoNames' figure stays, linked to it.
        assertThat(one(db, "select string_agg(source || ':' || (retired_at is null), ', ' order by source)"
                + " from localities where name = 'Neudrossenfeld'"))
                .isEqualTo("GeoNames:false, north-bayreuth:true");
        assertThat(one(db, "select g.population from localities g join localities o on o.id = g.superseded_by"
                + " where g.source = 'GeoNames' and o.name = 'Neudrossenfeld'")).isEqualTo("3895");
        // Asked of PostGIS directly: no list's village beside one of OpenStreetMap's of that name within 5 km, and no
        // village that OpenStreetMap maps as a node and an area within 1 km stays twice.
        assertThat(one(db, "select count(*) from localities a join localities b on a.name_folded = b.name_folded"
                + " and ST_DWithin(a.geog, b.geog, 5000) where a.retired_at is null and b.retired_at is null"
                + " and b.osm and not a.osm")).isEqualTo("0");
        assertThat(one(db, "select count(*) from localities a join localities b on a.id < b.id"
                + " and a.name_folded = b.name_folded and ST_DWithin(a.geog, b.geog, 1000)"
                + " where a.retired_at is null and b.retired_at is null")).isEqualTo("0");

        // GeoNames again: unchanged, linked as before (not brought back as villages).
        ImportResult again = load("geonames/de-places-geonames-pop1000.csv");
        assertThat(again.counts(Target.LOCALITIES).updated()).isZero();
        assertThat(again.counts(Target.LOCALITIES).unchanged()).isEqualTo(7244);
        assertThat(one(db, "select count(*) from localities where name = 'Neudrossenfeld' and retired_at is null"))
                .isEqualTo("1");
    }

    @Test
    void aVillageGoneFromOpenStreetMapLetsTheListsRecordStandAgain() throws Exception {
        load(OSM);
        load("geonames/de-places-geonames-pop1000.csv");
        assertThat(one(db, "select count(*) from localities where name = 'Neudrossenfeld' and retired_at is null"))
                .isEqualTo("1");
        // OpenStreetMap's village retired by its source: GeoNames' record stands for the place again.
        db.execute("update localities set retired_at = now() where source = 'north-bayreuth' and name = 'Neudrossenfeld'",
                "select localities_one_per_village()");
        assertThat(one(db, "select source from localities where name = 'Neudrossenfeld' and retired_at is null"))
                .isEqualTo("GeoNames");
    }

    @Test
    void aVillageMappedAsNodeAndOutlineIsOneVillage() throws Exception {
        String herrenberg = "data/osm/herrenberg-and-around-2020-04-21.osm.pbf";
        load(herrenberg);
        // Mötzingen: the node stands, the outline's record is linked to it.
        assertThat(one(db, "select string_agg(source_id || ':' || (retired_at is null) || ':'"
                + " || coalesce((select w.source_id from localities w where w.id = l.superseded_by), '-'), ', '"
                + " order by source_id) from localities l where name = 'Mötzingen'"))
                .isEqualTo("node/130254260:true:-, way/18535820:false:node/130254260");
        // Asked of PostGIS directly: no outline beside a node of its name within 1 km stays current.
        String twice = "select count(*) from localities a join localities n on n.name_folded = a.name_folded"
                + " and ST_DWithin(n.geog, a.geog, 1000) and n.source_id like 'node/%'"
                + " where a.source_id not like 'node/%' and a.retired_at is null and n.retired_at is null";
        assertThat(one(db, twice)).isEqualTo("0");
        ImportResult again = load(herrenberg);
        assertThat(again.counts(Target.LOCALITIES).updated() + again.counts(Target.LOCALITIES).added()).isZero();
        assertThat(one(db, twice)).isEqualTo("0");
    }
}
