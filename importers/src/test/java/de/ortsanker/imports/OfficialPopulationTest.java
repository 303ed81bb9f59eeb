package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.one;
import static de.ortsanker.imports.OsmMappingTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official municipal figures as published — Destatis' Gemeindeverzeichnis (XLSX) and the Zensus 2022 table
 * per Gemeinde (CSV) — against the BKG municipalities, counted independently from the files' own rows.
 */
@PostgisTest
class OfficialPopulationTest {

    static ImportResult gvIsys;
    static ImportResult zensus;

    @BeforeAll
    static void importAll(TestSchema db) {
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_GEM.shp")).orThrow();
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
        gvIsys = Imports.importFile(db.dataSource(), TestData.path("population/AuszugGV4QAktuell_2024.xlsx")).orThrow();
        zensus = Imports.importFile(db.dataSource(), TestData.path("population/de-gemeinden-zensus2022-population.csv"))
                .orThrow();
    }

    /** The keys in a column of a ;-separated file, read without the importer. */
    private static Set<String> keys(String file, int column) throws Exception {
        return Files.readAllLines(TestData.path(file), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(";", -1)[column]).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRowOfBothFilesIsAFigure(TestSchema db) throws Exception {
        // The Gemeinde rows (Satzart 60) of the XLSX, as converted independently into the CSV beside it.
        Set<String> gv = keys("population/de-gemeinden-destatis-gv-2024q4.csv", 0);
        Set<String> census = keys("population/de-gemeinden-zensus2022-population.csv", 1);
        assertThat(gv).hasSize(10_959);
        assertThat(census).hasSize(10_786);
        assertThat(gvIsys.format()).isEqualTo("destatis-gv-isys");
        assertThat(gvIsys.counts(Target.OFFICIAL_POPULATION)).isEqualTo(new Counts(10_959, 10_959, 0, 0, 0, 0, 0, 0));
        assertThat(zensus.counts(Target.OFFICIAL_POPULATION)).isEqualTo(new Counts(10_786, 10_786, 0, 0, 0, 0, 0, 0));
        assertThat(new TreeSet<>(rows(db, "select ags, population from official_population"
                + " where source = 'destatis-gv-isys'").keySet())).isEqualTo(gv);
        // Figures, dates, provenance as published.
        assertThat(one(db, "select name || ' ' || population || ' ' || reference_date || ' ' || publication"
                + " from official_population where source = 'destatis-gv-isys' and ags = '09477142'"))
                .isEqualTo("Neudrossenfeld 3746 2023-12-31 GV-ISys, Gebietsstand 31.12.2024");
        assertThat(one(db, "select population || ' ' || reference_date || ' ' || licence || ' | ' || attribution"
                + " from official_population where source = 'zensus-2022-gemeinden' and ags = '09276130'"))
                .isEqualTo("2294 2022-05-15 dl-de/by-2-0 | Zensus 2022, © Statistische Ämter des Bundes und der Länder");
        assertThat(one(db, "select attribution from official_population where source = 'destatis-gv-isys' limit 1"))
                .isEqualTo("© Statistisches Bundesamt (Destatis), 2025");
        // The sum of every German municipality's figure: Germany's population on 31.12.2023.
        assertThat(one(db, "select sum(population) from official_population where source = 'destatis-gv-isys'"))
                .isEqualTo(Files.readAllLines(TestData.path("population/de-gemeinden-destatis-gv-2024q4.csv")).stream()
                        .skip(1).mapToLong(l -> Long.parseLong(l.split(";")[5])).sum() + "");
    }

    @Test
    void everyMunicipalityOfTheBoundariesHasItsOfficialFigure(TestSchema db) throws Exception {
        Set<String> bkg = new TreeSet<>(rows(db, "select ags, name from admin_areas where level = 'gemeinde'"
                + " and retired_at is null").keySet());
        assertThat(bkg).hasSize(10_997);
        Set<String> inFiles = new TreeSet<>(keys("population/de-gemeinden-destatis-gv-2024q4.csv", 0));
        inFiles.addAll(keys("population/de-gemeinden-zensus2022-population.csv", 1));
        Set<String> without = new TreeSet<>(bkg);
        without.removeAll(inFiles);
        // Merged since 2021 (Langelsheim's four, the Uckermark's three, Eisenach now in the Wartburgkreis) and three
        // uninhabited forests the statistics do not list.
        assertThat(without).containsExactly("03153006", "03153007", "03153009", "03153014", "09273454", "09374451",
                "09672457", "12073032", "12073386", "12073603", "16056000");
        assertThat(new TreeSet<>(rows(db, "select ags, name from admin_areas where level = 'gemeinde'"
                + " and retired_at is null and official_population_of(level, ags) is null").keySet())).isEqualTo(without);
        // The newer figure counts: 31.12.2023 over the census day where both have one.
        assertThat(one(db, "select official_population_of('gemeinde', '09477142')")).isEqualTo("3746");
        assertThat(one(db, "select official_population_of('gemeinde', '09273454')")).isNull();
    }

    @Test
    void districtsShowTheSumOfTheirMunicipalities(TestSchema db) throws Exception {
        // Elbe-Elster: 33 Gemeinden, 99,931 inhabitants (shared data README, from the file's Kreis row).
        assertThat(one(db, "select official_population_of('kreis', '12062')")).isEqualTo("99931");
        assertThat(one(db, "select count(*) from official_population where source = 'destatis-gv-isys'"
                + " and ags like '12062%'")).isEqualTo("33");
        assertThat(one(db, "select population from official_figures where level = 'kreis' and ags = '12062'"))
                .isEqualTo("99931");
    }

    @Test
    void rowsThatMeetNoMunicipalityAreReportedByRowAndKey() {
        List<String> notes = gvIsys.problems().stream().map(Problem::toString).toList();
        assertThat(gvIsys.stats()).containsEntry("official_population.matched", 10_951L)
                .containsEntry("official_population.rows_without_municipality", 8L)
                .containsEntry("official_population.municipalities_without_figure", 46L);
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("line 1383", "03153019", "Langelsheim"));
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("gemeinde 16056000", "Eisenach"));
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothing(TestSchema db) throws Exception {
        String versions = one(db, "select string_agg(layer || version, ',' order by layer) from data_versions");
        String figures = one(db, "select md5(string_agg(locality_id || ':' || people, ',' order by locality_id))"
                + " from village_population");
        ImportResult again = Imports.importFile(db.dataSource(),
                TestData.path("population/AuszugGV4QAktuell_2024.xlsx")).orThrow();
        assertThat(again.counts(Target.OFFICIAL_POPULATION)).isEqualTo(new Counts(10_959, 0, 0, 10_959, 0, 0, 0, 0));
        assertThat(one(db, "select string_agg(layer || version, ',' order by layer) from data_versions")).isEqualTo(versions);
        assertThat(one(db, "select md5(string_agg(locality_id || ':' || people, ',' order by locality_id))"
                + " from village_population")).isEqualTo(figures);
    }

    @Test
    void badRowsAreNamedAndABadFileChangesNothing(TestSchema db, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("zensus-bad.csv");
        Files.writeString(file, """
                ars;ags;name;population_2022_05_15;quality_flag
                092760130130;09276130;Lindberg;2294;e
                073355011022;0733502;Landstuhl;8305;e
                130765654053;13076053;Grebs-Niendorf;viele;e
                """);
        // A source of its own: the census' figures stay as they are.
        ImportOptions own = ImportOptions.builder().source("zensus-test").build();
        ImportResult r = Imports.importFile(db.dataSource(), file, own);
        assertThat(r.status()).isEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(r.problems().stream().filter(p -> p.action() == Problem.Action.REJECTED).map(Problem::toString))
                .containsExactly(
                        "zensus-bad.csv line 3, ags: '0733502' is not an 8-digit municipality key (AGS) (rejected)",
                        "zensus-bad.csv line 4, population_2022_05_15: 'viele' is not a number of inhabitants (rejected)");

        String before = one(db, "select count(*) || ' ' || sum(population) from official_population");
        Path broken = dir.resolve("zensus-broken.csv");
        Files.writeString(broken, """
                ars;ags;name;population_2022_05_15;quality_flag
                092760130130;0927613;Lindberg;2294;e
                """);
        ImportResult failed = Imports.importFile(db.dataSource(), broken, own);
        assertThat(failed.status()).isNotEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(one(db, "select count(*) || ' ' || sum(population) from official_population")).isEqualTo(before);
    }
}
