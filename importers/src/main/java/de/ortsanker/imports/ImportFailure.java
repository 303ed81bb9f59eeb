package de.ortsanker.imports;

/**
 * The file cannot be imported at all — corrupt, truncated, in the wrong encoding, of an unknown format —
 * with a message that says which file, where, and what to do. Nothing is written.
 */
public class ImportFailure extends RuntimeException {

    public ImportFailure(String message) {
        super(message, null, false, false);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
