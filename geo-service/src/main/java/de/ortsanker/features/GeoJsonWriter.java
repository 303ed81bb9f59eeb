package de.ortsanker.features;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes GeoJSON with the OGC API members (links, numberMatched, numberReturned, timeStamp). Geometry and
 * properties arrive as JSON text from PostGIS and are copied through as bytes ({@link RawJson}), not
 * parsed or decoded again.
 */
final class GeoJsonWriter {

    private GeoJsonWriter() {
    }

    static byte[] collection(ObjectMapper json, List<FeatureStore.Feature> features, long numberMatched,
            List<Link> links) {
        return write(json, size(features), g -> {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeNumberField("numberMatched", numberMatched);
            g.writeNumberField("numberReturned", features.size());
            g.writeStringField("timeStamp", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            writeLinks(json, g, links);
            g.writeArrayFieldStart("features");
            for (FeatureStore.Feature f : features) {
                writeFeature(json, g, f, null);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static byte[] feature(ObjectMapper json, FeatureStore.Feature feature, List<Link> links) {
        return write(json, size(List.of(feature)), g -> writeFeature(json, g, feature, links));
    }

    private static void writeFeature(ObjectMapper json, JsonGenerator g, FeatureStore.Feature f, List<Link> links)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeNumberField("id", f.id());
        g.writeFieldName("geometry");
        if (f.geometry() == null) {
            g.writeNull();
        } else {
            g.writeRawValue(f.geometry());
        }
        g.writeFieldName("properties");
        g.writeRawValue(f.properties());
        if (links != null) {
            writeLinks(json, g, links);
        }
        g.writeEndObject();
    }

    private static void writeLinks(ObjectMapper json, JsonGenerator g, List<Link> links) throws IOException {
        g.writeFieldName("links");
        json.writeValue(g, links);
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Room for the features and the members around them, so that the buffer is not copied as it grows. */
    private static int size(List<FeatureStore.Feature> features) {
        long bytes = 4096;
        for (FeatureStore.Feature f : features) {
            bytes += 64 + f.properties().asUnquotedUTF8().length
                    + (f.geometry() == null ? 0 : f.geometry().asUnquotedUTF8().length);
        }
        return (int) Math.min(bytes, 64 << 20);
    }

    private static byte[] write(ObjectMapper json, int size, Body body) {
        var out = new ByteArrayOutputStream(size);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
