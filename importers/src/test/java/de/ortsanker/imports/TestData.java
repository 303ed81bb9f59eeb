package de.ortsanker.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's bundled real data (data/), found from wherever the tests run. */
public final class TestData {

    private TestData() {
    }

    public static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("data/README.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no data/README.md above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("data").resolve(relative);
    }
}
