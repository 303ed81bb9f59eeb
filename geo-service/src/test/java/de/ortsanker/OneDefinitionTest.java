package de.ortsanker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules written once stay written once: "which places the public sees" is de.ortsanker.filter.PublicPlaces,
 * and a second copy anywhere in the product's code (Java, SQL files, the web map's scripts) is a bug waiting
 * to disagree — this test fails on it. Tests may spell the rule out to check it independently.
 */
class OneDefinitionTest {

    /** The repository, seen from geo-service (Maven runs the tests in the module's folder). */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Path THE_DEFINITION = Path.of("core/src/main/java/de/ortsanker/filter/PublicPlaces.java");

    /** Pieces of the public rule: the validity period compared, or "not retired and public" together. */
    private static final Pattern PUBLIC_RULE = Pattern.compile(
            "valid_to\\s*(>=|is\\s+null)|valid_from\\s*(<=|is\\s+null)|retired_at\\s+is\\s+null\\s+and\\s+(\\w+\\.)?is_public"
                    + "|is_public\\s+and\\s+(\\w+\\.)?retired_at\\s+is\\s+null", Pattern.CASE_INSENSITIVE);

    @Test
    void thePublicRuleIsWrittenOnce() throws IOException {
        var found = new ArrayList<String>();
        for (Path file : productSources()) {
            var lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (PUBLIC_RULE.matcher(lines.get(i)).find() && !ROOT.relativize(file).equals(THE_DEFINITION)) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("the public rule outside PublicPlaces").isEmpty();
        // … and the test would see it: the definition itself matches
        assertThat(PUBLIC_RULE.matcher(Files.readString(ROOT.resolve(THE_DEFINITION))).find()).isTrue();
    }

    /** Java, SQL and JavaScript of every module's main sources; migrations are the schema's history, not rules. */
    private static List<Path> productSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> ROOT.relativize(p).toString().matches("[a-z-]+/src/main/.*\\.(java|sql|js)"))
                    .filter(p -> !p.toString().contains("/db/migration/") && !p.toString().contains("/vendor/"))
                    .toList();
        }
    }
}
