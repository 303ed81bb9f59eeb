package de.ortsanker.uploads;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of municipal lists uploaded by stewards ({@code ortsanker.uploads.*}). */
@ConfigurationProperties("ortsanker.uploads")
public record UploadSettings(Long maxBytes) {

    public UploadSettings {
        maxBytes = maxBytes == null || maxBytes <= 0 ? 5L << 20 : maxBytes;
    }
}
