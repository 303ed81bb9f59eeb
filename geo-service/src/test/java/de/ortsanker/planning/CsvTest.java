package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.planning.output.Csv;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesWhatGermanExcelReadsAndDefusesFormulas() {
        byte[] bytes = Csv.write(List.of("Name", "Zahl", "Wert", "AGS"), List.of(
                Arrays.asList("Gasthof \"Zur Post\"; Saal", 42, 11.25, new Csv.Key("01001000")),
                Arrays.asList("=HYPERLINK(\"http://x\")", null, -0.5, new Csv.Key(null)),
                Arrays.asList("+49 123", 1L, 0.0, "@SUM(A1)"),
                Arrays.asList("-Müller", 0, 1.0, "\tTab")));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n")).containsExactly(
                "\"Name\";\"Zahl\";\"Wert\";\"AGS\"",
                "\"Gasthof \"\"Zur Post\"\"; Saal\";42;11,25;=\"01001000\"",
                "\"'=HYPERLINK(\"\"http://x\"\")\";;-0,5;",
                "\"'+49 123\";1;0,0;\"'@SUM(A1)\"",
                "\"'-Müller\";0;1,0;\"'\tTab\"");
    }
}
