package de.ortsanker.planning.output;

/** An item of an answer at a point (WGS 84); in GeoJSON the point is the geometry, not a property. */
public interface Located {

    double lon();

    double lat();
}
