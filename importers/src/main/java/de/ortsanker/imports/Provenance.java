package de.ortsanker.imports;

/** Where the records of a run come from: stored on every record, shown wherever it is displayed. */
public record Provenance(String source, String licence, String attribution) {

    public Provenance {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a source name is required");
        }
        if (licence == null || licence.isBlank()) {
            throw new IllegalArgumentException("a licence is required (e.g. --licence ODbL-1.0, dl-de/by-2-0, CC-BY-4.0)");
        }
        if (attribution == null || attribution.isBlank()) {
            throw new IllegalArgumentException("an attribution is required (e.g. --attribution \"© Landkreis Bayreuth\")");
        }
    }
}
