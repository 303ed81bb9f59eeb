package de.ortsanker.imports;

import static de.ortsanker.imports.KilledImportTest.fingerprint;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources are identities: two towns' files of the same name are two sources, not one overwriting the other
 * (issue 17: Gemeinde Bindlach's vereine.csv renamed and retired Gemeinde Harsdorf's clubs).
 */
@PostgisTest
class SourceIdentityTest {

    static final String HARSDORF = """
            Nr;Verein;lon;lat
            1;TSV Harsdorf;11.5712;50.0376
            2;Gesangverein Harsdorf;11.5698;50.0369
            3;Schützenverein Harsdorf;11.5731;50.0388
            """;
    static final String BINDLACH = """
            Nr;Verein;lon;lat
            1;SV Bindlach 1925 e.V.;11.6120;49.9840
            2;Gesangverein Harmonie;11.6105;49.9822
            """;

    @BeforeEach
    void noSourcesYet(TestSchema db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement()) {
            st.execute("delete from places");
            st.execute("delete from import_runs");
            st.execute("delete from accounts where login = 'kreis.daten'");
        }
    }

    @Test
    void anotherOwnerOfTheSameSourceIsRefusedAndChangesNothing(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Path b = write(dir.resolve("gb/vereine.csv"), BINDLACH);
        // Same name, licence and attribution: only the owner tells them apart.
        Imports.importFile(db.dataSource(), a, clubs("© Vereinsregister").source("Vereine")
                .owner("Gemeinde Harsdorf").build()).orThrow();
        String before = fingerprint(db);

        ImportResult refused = Imports.importFile(db.dataSource(), b, clubs("© Vereinsregister").source("Vereine")
                .owner("Gemeinde Bindlach").build());

        assertThat(refused.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(refused.error()).contains("source \"Vereine\"", "owner \"Gemeinde Bindlach\"",
                "(was \"Gemeinde Harsdorf\")", "--source", "--replace-source", "nothing was changed");
        assertThat(fingerprint(db)).isEqualTo(before);
        // Leaving the owner out is a difference too: the source has one.
        assertThat(Imports.importFile(db.dataSource(), b, clubs("© Vereinsregister").source("Vereine").build()).error())
                .contains("owner none (was \"Gemeinde Harsdorf\")");
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select string_agg(source || '/' || owner || '/' || status, ', ' order by id) from import_runs"))
                .isEqualTo("Vereine/Gemeinde Harsdorf/succeeded");
    }

    @Test
    void aNewOwnerTakesTheSourceOverOnlyWithReplaceSource(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Imports.importFile(db.dataSource(), a, clubs("© Vereinsregister").source("Vereine")
                .owner("Gemeinde Harsdorf").build()).orThrow();
        ImportResult replaced = Imports.importFile(db.dataSource(), a, clubs("© Vereinsregister").source("Vereine")
                .owner("Verwaltungsgemeinschaft Trebgast").replaceSource(true).build()).orThrow();
        assertThat(replaced.unchanged()).isEqualTo(3);
        assertThat(one(db, "select string_agg(owner, ', ' order by id) from import_runs"))
                .isEqualTo("Gemeinde Harsdorf, Verwaltungsgemeinschaft Trebgast");
        // From now on the new owner is the source's: the same run again is not refused.
        Imports.importFile(db.dataSource(), a, clubs("© Vereinsregister").source("Vereine")
                .owner("Verwaltungsgemeinschaft Trebgast").build()).orThrow();
    }

    @Test
    void withTheirOwnersBothTownsFilesOfTheSameNameAreTwoSources(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Path b = write(dir.resolve("gb/vereine.csv"), BINDLACH);
        Imports.importFile(db.dataSource(), a, clubs("© Vereinsregister").owner("Gemeinde Harsdorf").build()).orThrow();
        ImportResult second = Imports.importFile(db.dataSource(), b, clubs("© Vereinsregister")
                .owner("Gemeinde Bindlach").build()).orThrow();

        assertThat(second.source()).isEqualTo("vereine (Gemeinde Bindlach)");
        assertThat(second.retired()).isZero();
        assertThat(one(db, "select string_agg(source || ': ' || name, ', ' order by source, name) from places"
                + " where retired_at is null"))
                .isEqualTo("vereine (Gemeinde Bindlach): Gesangverein Harmonie, "
                        + "vereine (Gemeinde Bindlach): SV Bindlach 1925 e.V., "
                        + "vereine (Gemeinde Harsdorf): Gesangverein Harsdorf, "
                        + "vereine (Gemeinde Harsdorf): Schützenverein Harsdorf, "
                        + "vereine (Gemeinde Harsdorf): TSV Harsdorf");
    }

    @Test
    void anAccountAsOwnerMustExist(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        ImportResult unknown = Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf")
                .owner("account:kreis.daten").build());
        assertThat(unknown.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(unknown.error()).contains("--owner account:kreis.daten", "no such account");
        assertThat(one(db, "select count(*) from places")).isEqualTo("0");

        try (var c = db.connect(); var st = c.createStatement()) {
            st.execute("insert into accounts (login, password_hash, created_by) values ('kreis.daten', '{bcrypt}x', 'test')");
        }
        Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf").owner("account:kreis.daten").build())
                .orThrow();
        assertThat(one(db, "select source || ' / ' || owner from import_runs where status = 'succeeded'"))
                .isEqualTo("vereine (account:kreis.daten) / account:kreis.daten");
    }

    @Test
    void anOwnerIsAShortLineOfText() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ImportOptions.builder().owner(" ").build()))
                .hasMessageContaining("--owner");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ImportOptions.builder().owner("a\nb").build()))
                .hasMessageContaining("control characters");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ImportOptions.builder().owner("account:").build()))
                .hasMessageContaining("needs a login");
    }

    @Test
    void anotherTownsFileOfTheSameNameIsRefusedAndChangesNothing(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Path b = write(dir.resolve("gb/vereine.csv"), BINDLACH);
        Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf").build()).orThrow();
        String before = fingerprint(db);

        ImportResult refused = Imports.importFile(db.dataSource(), b, clubs("© Gemeinde Bindlach").build());

        assertThat(refused.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(refused.error()).contains("source \"vereine\"", "attribution \"© Gemeinde Bindlach\"",
                "(was \"© Gemeinde Harsdorf\")", "--source", "--replace-source", "nothing was changed");
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select string_agg(name, ', ' order by name) from places where retired_at is null"))
                .isEqualTo("Gesangverein Harsdorf, Schützenverein Harsdorf, TSV Harsdorf");
    }

    @Test
    void withTheirOwnSourceBothTownsClubsCoexist(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Path b = write(dir.resolve("gb/vereine.csv"), BINDLACH);
        Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf").build()).orThrow();
        ImportResult second = Imports.importFile(db.dataSource(), b,
                clubs("© Gemeinde Bindlach").source("Vereine Bindlach").build()).orThrow();

        assertThat(second.added()).isEqualTo(2);
        assertThat(second.retired()).isZero();
        assertThat(one(db, "select string_agg(source || ': ' || name || ' (' || attribution || ')', ', '"
                + " order by source, name) from places where retired_at is null"))
                .isEqualTo("Vereine Bindlach: Gesangverein Harmonie (© Gemeinde Bindlach), "
                        + "Vereine Bindlach: SV Bindlach 1925 e.V. (© Gemeinde Bindlach), "
                        + "vereine: Gesangverein Harsdorf (© Gemeinde Harsdorf), "
                        + "vereine: Schützenverein Harsdorf (© Gemeinde Harsdorf), "
                        + "vereine: TSV Harsdorf (© Gemeinde Harsdorf)");
    }

    @Test
    void replaceSourceSaysTheFileReplacesTheSource(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Path b = write(dir.resolve("gb/vereine.csv"), BINDLACH);
        Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf").build()).orThrow();
        ImportResult replaced = Imports.importFile(db.dataSource(), b,
                clubs("© Gemeinde Bindlach").replaceSource(true).build()).orThrow();

        assertThat(replaced.retired()).isEqualTo(1);
        assertThat(one(db, "select string_agg(name || ' (' || attribution || ')', ', ' order by name) from places"
                + " where retired_at is null"))
                .isEqualTo("Gesangverein Harmonie (© Gemeinde Bindlach), SV Bindlach 1925 e.V. (© Gemeinde Bindlach)");
    }

    @Test
    void theSameFileNameInAnotherFormatIsAnotherSource(TestSchema db, @TempDir Path dir) throws Exception {
        Path geojson = write(dir.resolve("x.geojson"), """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "id": "1", "properties": {"name": "TSV Harsdorf"},
                  "geometry": {"type": "Point", "coordinates": [11.5712, 50.0376]}},
                 {"type": "Feature", "id": "2", "properties": {"name": "Gesangverein Harsdorf"},
                  "geometry": {"type": "Point", "coordinates": [11.5698, 50.0369]}}]}
                """);
        Path csv = write(dir.resolve("x.csv"), BINDLACH);
        Imports.importFile(db.dataSource(), geojson, ImportOptions.builder().kind("club").licence("CC-BY-4.0")
                .attribution("© Gemeinde Harsdorf").build()).orThrow();
        String before = fingerprint(db);

        ImportResult refused = Imports.importFile(db.dataSource(), csv, clubs("© Gemeinde Harsdorf").build());

        assertThat(refused.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(refused.error()).contains("source \"x\"", "format csv (was geojson)");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void aRepeatedImportOfTheSameSourceIsNotRefused(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf").build()).orThrow();
        Files.writeString(a, HARSDORF.replace("3;Schützenverein Harsdorf;11.5731;50.0388\n", ""));
        ImportResult again = Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf").build()).orThrow();
        assertThat(again.retired()).isEqualTo(1);
        assertThat(again.problems()).noneMatch(p -> "source".equals(p.field()));
    }

    @Test
    void theSameFileNameFromAnotherFolderIsNoted(TestSchema db, @TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("ga/vereine.csv"), HARSDORF);
        Path b = write(dir.resolve("gb/vereine.csv"), HARSDORF);
        Imports.importFile(db.dataSource(), a, clubs("© Gemeinde Harsdorf").build()).orThrow();
        ImportResult moved = Imports.importFile(db.dataSource(), b, clubs("© Gemeinde Harsdorf").build()).orThrow();
        assertThat(moved.problems()).filteredOn(p -> "source".equals(p.field())).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(Problem.Action.NOTE);
            assertThat(p.reason()).contains("another folder", dir.resolve("ga").toString(), "--source");
        });
    }

    private static ImportOptions.Builder clubs(String attribution) {
        return ImportOptions.builder().kind("club").licence("CC-BY-4.0").attribution(attribution).idColumn("Nr")
                .column("name", "Verein");
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
