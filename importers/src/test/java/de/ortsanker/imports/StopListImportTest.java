package de.ortsanker.imports;

import static de.ortsanker.imports.KilledImportTest.fingerprint;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop lists of the Elbe-Elster starter (data/stops): the VBB's stations as one place per stop area with
 * its departure weight, DB's stations with their step-free access — checked against the files read here
 * independently (split by ';'), re-imported unchanged, bad rows reported by line and field.
 */
@PostgisTest
class StopListImportTest {

    private static final Path VBB = TestData.path("stops/vbb-stations-8.31.0-bbox-13.0-14.0E-51.3-51.9N.csv");
    private static final Path DB = TestData.path("stops/db-stations-5.0.2-bbox-13.0-14.0E-51.3-51.9N.csv");

    private final TestSchema db;

    StopListImportTest(TestSchema db) {
        this.db = db;
    }

    @Test
    void vbbStationsAreOnePlacePerStopAreaWithItsDepartures() throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), VBB).orThrow();
        assertThat(r.format()).isEqualTo("vbb-stations");
        assertThat(r.rejected()).as(r.problems().toString()).isZero();

        // The file, read here: stations summed per stop area (the DHID's first three parts; the VBB's own
        // numbers are an area each).
        Map<String, BigDecimal> departures = new TreeMap<>();
        Map<String, Boolean> inElbeElster = new HashMap<>();
        for (String line : Files.readAllLines(VBB).subList(1, Files.readAllLines(VBB).size())) {
            String[] f = line.split(";", -1);
            if (f[0].equals("station")) {
                String area = f[1].contains(":") ? String.join(":", List.of(f[1].split(":")).subList(0, 3)) : f[1];
                departures.merge(area, new BigDecimal(f[4]), BigDecimal::add);
                inElbeElster.put(area, f[8].equals("true"));
            }
        }
        assertThat(r.counts(Target.PLACES).added()).isEqualTo(departures.size());
        assertThat(one(db, "select count(*) from places where source = 'VBB stations' and retired_at is null"))
                .isEqualTo(String.valueOf(departures.size()));
        // Every stop area's departures are the sum of its stations' weights.
        Map<String, BigDecimal> stored = new TreeMap<>();
        for (String row : OsmMappingTest.column(db, "select source_id || '=' || (details->>'departures')"
                + " from places where source = 'VBB stations'")) {
            stored.put(row.substring(0, row.indexOf('=')), new BigDecimal(row.substring(row.indexOf('=') + 1)));
        }
        assertThat(stored.keySet()).isEqualTo(departures.keySet());
        departures.forEach((area, d) -> assertThat(stored.get(area)).as(area).isEqualByComparingTo(d));
        // Source, licence and attribution on every record.
        assertThat(one(db, "select string_agg(distinct licence || ' | ' || attribution, ', ') from places"
                + " where source = 'VBB stations'")).isEqualTo("CC-BY-4.0 | VBB Verkehrsverbund Berlin-Brandenburg GmbH");
        // A station is a train station by its name; a Busbahnhof is not one.
        assertThat(one(db, "select kind from places where source_id = 'de:12062:900415465'")).isEqualTo("train_station");
        assertThat(one(db, "select kind from places where source = 'VBB stations'"
                + " and name = 'Herzberg (Elster), Busbahnhof'")).isEqualTo("bus_stop");
        assertThat(one(db, "select kind from places where source = 'VBB stations'"
                + " and name = 'Riesa, Bahnhof/Busbahnhof' limit 1")).isEqualTo("train_station");
        // Elbe-Elster's stop areas, by the file's own flag: all there, under the county's key.
        assertThat(one(db, "select count(*) from places where source = 'VBB stations' and source_id like 'de:12062:%'"))
                .isEqualTo(String.valueOf(inElbeElster.values().stream().filter(b -> b).count()));

        // Imported again: nothing changes.
        String before = fingerprint(db);
        ImportResult again = Imports.importFile(db.dataSource(), VBB).orThrow();
        assertThat(again.counts(Target.PLACES).unchanged()).isEqualTo(departures.size());
        assertThat(again.added() + again.updated() + again.retired()).isZero();
        assertThat(one(db, "select count(*) from places where source = 'VBB stations' and updated_at > created_at"))
                .isEqualTo("0");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void dbStationsCarryTheirStepFreeAccess() throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), DB).orThrow();
        assertThat(r.format()).isEqualTo("db-stations");
        List<String> lines = Files.readAllLines(DB);
        assertThat(r.counts(Target.PLACES).added()).isEqualTo(lines.size() - 1);
        Map<String, String> expected = Map.of("yes", "yes", "partial", "limited", "no", "no");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            assertThat(one(db, "select kind || ' ' || name || ' ' || coalesce(wheelchair, '-') from places"
                    + " where source = 'DB stations' and source_id = '" + f[0] + "'"))
                    .isEqualTo("train_station " + f[2] + " " + expected.getOrDefault(f[15], "-"));
        }
        assertThat(one(db, "select string_agg(distinct licence || ' | ' || attribution, ', ') from places"
                + " where source = 'DB stations'")).isEqualTo("CC-BY-4.0 | Deutsche Bahn AG / DB InfraGO (StaDa)");
    }

    @Test
    void badRowsAreReportedByLineAndFieldAndAFailedImportChangesNothing(@TempDir Path dir) throws Exception {
        Imports.importFile(db.dataSource(), DB).orThrow();
        Path bad = Files.writeString(dir.resolve("vbb-stations.csv"), """
                kind;id;station_id;name;weight;lat;lon;kreis_from_dhid;in_elbe_elster
                station;de:12062:900415465;de:12062:900415465;Prösen, Bahnhof;403;51.434892;13.488202;12062;true
                station;12062-900416008;12062-900416008;Plessa, Bahnhof;428;51.470851;13.616893;12062;true
                station;de:12062:900415798::2;de:12062:900415798::2;Knippelsdorf, Gasthaus;viel;51.823262;13.349736;12062;true
                station;de:12062:900415001::2;de:12062:900415001::2;Zürchel, Kreuzung;8;51.612771;;12062;true
                station;de:12062:900415068::2;de:12062:900415068::2;;8;51.603708;13.550806;12062;true
                bus;de:12062:900415105::1;de:12062:900415105::1;Finsterwalde;5.5;51.638365;13.708068;12062;true
                stop;de:12062:900415999:1:1;de:12062:900415999;Nirgendwo;;51.6;13.7;12062;true
                """);
        ImportResult r = Imports.importFile(db.dataSource(), bad, ImportOptions.builder().source("bad stops").build())
                .orThrow();
        assertThat(r.counts(Target.PLACES).added()).as(r.problems().toString()).isEqualTo(1);
        assertThat(r.problems(Problem.Action.REJECTED)).extracting(Problem::toString).containsExactly(
                "vbb-stations.csv line 3, id: '12062-900416008' is not a stop id (DHID such as de:12062:900415465)"
                        + " (rejected)",
                "vbb-stations.csv line 4, weight: 'viel' is not a departure weight (a number, 0 or more) (rejected)",
                "vbb-stations.csv line 5, lon: no coordinate (rejected)",
                "vbb-stations.csv line 6, name: a station needs a name (rejected)",
                "vbb-stations.csv line 7, kind: 'bus' is neither station nor stop (rejected)");
        assertThat(r.problems(Problem.Action.NOTE)).extracting(Problem::toString).contains(
                "vbb-stations.csv line 8, station_id: platform of station 'de:12062:900415999', which the file does"
                        + " not list: left out (note)");

        String before = fingerprint(db);
        ImportResult strict = Imports.importFile(db.dataSource(), bad, ImportOptions.builder().source("strict")
                .maxErrors(0).build());
        assertThat(strict.status()).isEqualTo(ImportResult.Status.ABORTED);
        assertThat(fingerprint(db)).isEqualTo(before);
    }
}
