package de.ortsanker.planning.distance;

/** Which places count in planning answers: what the public map shows. */
public final class PublicPlaces {

    /** SQL condition on {@code places p}: not retired, public, and within its validity period today. */
    public static final String NOW = """
            p.retired_at is null and p.is_public
               and (p.valid_from is null or p.valid_from <= current_date)
               and (p.valid_to is null or p.valid_to >= current_date)""";

    private PublicPlaces() {
    }
}
