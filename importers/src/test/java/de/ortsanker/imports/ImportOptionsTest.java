package de.ortsanker.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options are values: built once, changed only into a copy, recorded with the run as given. */
class ImportOptionsTest {

    @Test
    void aCopyChangesOnlyWhatItSets() {
        ImportOptions list = ImportOptions.builder().licence("CC0-1.0").attribution("test").column("name", "Verein")
                .column("lon", "X").encoding(StandardCharsets.ISO_8859_1).build();
        ImportOptions strict = list.toBuilder().maxErrors(0).column("lat", "Y").build();

        assertThat(list.toBuilder().build()).isEqualTo(list);
        assertThat(list.maxErrors()).as("the format's default").isNull();
        assertThat(strict.maxErrors()).isZero();
        assertThat(strict.licence()).isEqualTo("CC0-1.0");
        assertThat(list.columns()).containsExactly(Map.entry("name", "Verein"), Map.entry("lon", "X"));
        assertThat(strict.columns()).containsExactly(Map.entry("name", "Verein"), Map.entry("lon", "X"),
                Map.entry("lat", "Y"));
        assertThatThrownBy(() -> list.columns().put("lat", "Y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theRunRecordsTheOptionsGivenAndTheLimitOfRejections() {
        assertThat(ImportOptions.defaults().toJson()).containsExactly(entry("max_errors", 100L),
                entry("complete", true), entry("on_conflict", "keep"));
        assertThat(ImportOptions.builder().kind("club").dryRun(true).maxErrors(-1).complete(false)
                .onConflict(ImportOptions.OnConflict.OVERWRITE).delimiter(';').build().toJson())
                .containsExactly(entry("kind", "club"), entry("dry_run", true), entry("max_errors", -1L),
                        entry("complete", false), entry("on_conflict", "overwrite"), entry("delimiter", ";"));
    }

    @Test
    void aStagingBufferTooSmallForARowIsRefused() {
        assertThatThrownBy(() -> ImportOptions.builder().stagingBuffer(100).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a staging buffer needs at least 1024 bytes, not 100");
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return Map.entry(key, value);
    }
}
