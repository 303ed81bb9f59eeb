package de.ortsanker.editing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where places entered by hand come from ({@code ortsanker.editing.*}, see geo-service/README.md "Editing
 * places"): the source they belong to unless the request names one, and the licence and attribution they
 * are published under — provenance travels with every record, also one typed in.
 */
@ConfigurationProperties("ortsanker.editing")
public record EditingSettings(String source, String licence, String attribution) {

    public EditingSettings {
        source = source == null || source.isBlank() ? "ortsanker-edits" : source;
        licence = licence == null || licence.isBlank() ? "CC0-1.0" : licence;
        attribution = attribution == null || attribution.isBlank() ? "Ortsanker editors" : attribution;
    }
}
