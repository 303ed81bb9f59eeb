package de.ortsanker.features;

/** A link of an OGC API document; every link carries rel and type, as the standard requires. */
public record Link(String href, String rel, String type, String title) {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String SCHEMA = "application/schema+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
}
