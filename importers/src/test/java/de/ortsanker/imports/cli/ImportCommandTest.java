package de.ortsanker.imports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's answers that need no database: usage, options, exit code 2. */
class ImportCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--dry-run", "--max-errors", "--crs", "--kind",
                "--mapping", "--on-conflict");
    }

    @Test
    void theBuiltInMappingCanBePrintedToStartOneOfYourOwn() {
        assertThat(run("--print-mapping")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("kind: mitfahrbank", "highway: hitchhiking");
    }

    @Test
    void usageErrorsSayWhatIsWrongWithExitCode2() {
        assertThat(run("--bogus", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: unknown option --bogus");
        err.reset();
        assertThat(run("--crs", "UTM32", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --crs takes an EPSG code such as 25832");
        err.reset();
        assertThat(run("no-such-file.osm.pbf")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: no-such-file.osm.pbf: no such file");
        err.reset();
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: no file given");
    }

    @Test
    void crsCanBeGivenAsCodeOrUri() {
        assertThat(ImportCommand.Arguments.epsg("25832")).isEqualTo(25832);
        assertThat(ImportCommand.Arguments.epsg("EPSG:31467")).isEqualTo(31467);
        assertThat(ImportCommand.Arguments.epsg("http://www.opengis.net/def/crs/EPSG/0/3035")).isEqualTo(3035);
    }
}
