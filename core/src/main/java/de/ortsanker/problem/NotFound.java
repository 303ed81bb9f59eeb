package de.ortsanker.problem;

/** Something the request names that does not exist (a place, a collection, a tileset): answered 404 with why. */
public class NotFound extends RuntimeException {

    public NotFound(String detail) {
        super(detail, null, false, false);
    }
}
