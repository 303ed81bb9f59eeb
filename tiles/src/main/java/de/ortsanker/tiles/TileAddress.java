package de.ortsanker.tiles;

import de.ortsanker.problem.InvalidParameter;

/**
 * A tile of the WebMercatorQuad grid (EPSG:3857, XYZ scheme: y counts from the north): zoom z, column x,
 * row y, each 0 ≤ x, y < 2^z.
 */
public record TileAddress(int z, int x, int y) {

    /** Deepest zoom answered (the layers end at {@link de.ortsanker.catalogue.Catalogue#MAX_ZOOM}; deeper tiles are overzoomed). */
    public static final int MAX_ZOOM = 22;

    /** Checks the coordinates; a bad one is a 400 naming the parameter. */
    public static TileAddress of(int z, int x, int y) {
        if (z < 0 || z > MAX_ZOOM) {
            throw new InvalidParameter("z", "must be a zoom level from 0 to " + MAX_ZOOM + ", got " + z);
        }
        long size = 1L << z;
        if (x < 0 || x >= size) {
            throw new InvalidParameter("x", "must be from 0 to " + (size - 1) + " at zoom " + z + ", got " + x);
        }
        if (y < 0 || y >= size) {
            throw new InvalidParameter("y", "must be from 0 to " + (size - 1) + " at zoom " + z + ", got " + y);
        }
        return new TileAddress(z, x, y);
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
