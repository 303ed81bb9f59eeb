package de.ortsanker.imports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.imports.ImportOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
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
    void numericOptionsAreRefusedOutsideTheirRangeNamingTheOption() {
        assertThat(run("--max-errors", "-5", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --max-errors takes a number of records,"
                + " 0 or more, or none for no limit, not -5\n");
        err.reset();
        assertThat(run("--area", "Elbe-Elster", "x.osm.pbf")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --area takes the official key (AGS) of a"
                + " Land (2 digits), Kreis (5, e.g. 12062 for Elbe-Elster) or Gemeinde (8), not Elbe-Elster");
        err.reset();
        assertThat(run("--max-errors=many", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --max-errors takes a number");
        err.reset();
        assertThat(run("--staging-buffer", "100", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --staging-buffer takes a number of bytes,"
                + " at least 1024, not 100");
        err.reset();
        assertThat(run("--crs", "-25832", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --crs takes an EPSG code such as 25832");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThat(run("x.csv", "--source")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --source needs a value");
        err.reset();
        assertThat(run("--column", "Vereinsname", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("import: --column takes FIELD=COLUMN");
    }

    @Test
    void theOptionsBecomeImportOptions() {
        var a = new ImportCommand.Arguments();
        ImportCommand.commandLine(a).parseArgs("--sheet=Räume", "--column", "name=Vereinsname", "--column=lon=X",
                "--partial", "--on-conflict", "OVERWRITE", "--max-errors", "none", "--delimiter", "tab", "--crs",
                "EPSG:25832", "--license", "CC0-1.0", "--source", "first", "--source", "last", "--owner", " Gemeinde Harsdorf ", "a.csv", "b.xlsx");
        ImportOptions o = a.options();
        assertThat(a.files).containsExactly(Path.of("a.csv"), Path.of("b.xlsx"));
        assertThat(o.layer()).isEqualTo("Räume");
        assertThat(o.columns()).containsExactly(Map.entry("name", "Vereinsname"), Map.entry("lon", "X"));
        assertThat(o.complete()).isFalse();
        assertThat(o.onConflict()).isEqualTo(ImportOptions.OnConflict.OVERWRITE);
        assertThat(o.maxErrors()).as("no limit").isNegative();
        assertThat(o.delimiter()).isEqualTo('\t');
        assertThat(o.crs()).isEqualTo(25832);
        assertThat(o.licence()).isEqualTo("CC0-1.0");
        assertThat(o.source()).as("the last one given").isEqualTo("last");
        assertThat(o.owner()).isEqualTo("Gemeinde Harsdorf");

        var none = new ImportCommand.Arguments();
        ImportCommand.commandLine(none).parseArgs("a.csv");
        assertThat(none.options()).isEqualTo(ImportOptions.defaults());
    }

    @Test
    void crsCanBeGivenAsCodeOrUri() {
        assertThat(ImportCommand.Arguments.epsg("25832")).isEqualTo(25832);
        assertThat(ImportCommand.Arguments.epsg("EPSG:31467")).isEqualTo(31467);
        assertThat(ImportCommand.Arguments.epsg("http://www.opengis.net/def/crs/EPSG/0/3035")).isEqualTo(3035);
    }
}
