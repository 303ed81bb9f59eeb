package de.ortsanker.planning.provenance;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which data an answer was computed from: per layer and source, the licence and attribution, how many
 * records were used, and when that source was last imported; and the layers' data versions.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Provenance(Instant computedAt, Map<String, Long> dataVersions, List<Source> sources) {

    /**
     * @param layer        places, localities, population, admin_areas or population_cells
     * @param importedAt   when the source's latest successful import finished (null: not imported by us)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Source(String layer, String source, String licence, String attribution, long records,
                         LocalDate lastVerified, Instant importedAt, String importFile) {
    }

    /** The attributions to show with the answer, each once, e.g. for a CSV column or a map. */
    public String attributions() {
        return sources.stream().map(Source::attribution).filter(a -> a != null && !a.isBlank()).distinct()
                .collect(Collectors.joining("; "));
    }

    /** The licences of the data used, each once. */
    public String licences() {
        return sources.stream().map(Source::licence).filter(l -> l != null && !l.isBlank()).distinct()
                .collect(Collectors.joining("; "));
    }

    /** One line for a table: each source with its licence and import date. */
    public String summary() {
        return summary(", imported ");
    }

    /** One line for a table, {@code imported} the words before an import date (", importiert am "). */
    public String summary(String imported) {
        return sources.stream().map(s -> s.source() + (s.licence() == null ? "" : " (" + s.licence() + ")")
                        + (s.importedAt() == null ? "" : imported + s.importedAt().toString().substring(0, 10)))
                .distinct().collect(Collectors.joining("; "));
    }
}
