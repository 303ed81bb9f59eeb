package de.ortsanker.accounts;

/**
 * Where a write lands, as far as territories are concerned: the municipality key (AGS) of the place,
 * the source it belongs to and the organisation that owns it (each may be null when unknown).
 */
public record Place(String ags, String source, String organisation) {

    @Override
    public String toString() {
        return "place (AGS " + ags + ", source " + source + ", organisation " + organisation + ")";
    }
}
