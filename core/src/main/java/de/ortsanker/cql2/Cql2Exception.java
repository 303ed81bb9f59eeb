package de.ortsanker.cql2;

/**
 * A filter that cannot be used: a syntax error (with the position in the text), an unknown queryable, a
 * type mismatch or an unsupported operator. The message is written for the person who typed the filter.
 */
public class Cql2Exception extends RuntimeException {

    public Cql2Exception(String message) {
        super(message);
    }
}
