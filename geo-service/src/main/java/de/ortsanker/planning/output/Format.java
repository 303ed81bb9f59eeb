package de.ortsanker.planning.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.problem.InvalidParameter;
import java.util.List;
import org.springframework.http.MediaType;

/** The formats an answer is written in, chosen by {@code f=} or else by the Accept header. */
public enum Format {
    JSON("json", MediaType.APPLICATION_JSON),
    GEOJSON("geojson", MediaType.parseMediaType("application/geo+json")),
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));

    private final String code;
    private final MediaType mediaType;

    Format(String code, MediaType mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    public String code() {
        return code;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public static Format choose(String f, String accept) {
        if (f != null) {
            for (Format format : values()) {
                if (format.code.equals(f.trim())) {
                    return format;
                }
            }
            throw new InvalidParameter("f", "'" + f + "' is not a format; one of json, geojson, csv");
        }
        if (accept != null) {
            for (MediaType m : MediaType.parseMediaTypes(accept)) {
                if (m.isCompatibleWith(GEOJSON.mediaType) && !m.isWildcardSubtype()) {
                    return GEOJSON;
                }
                if (m.isCompatibleWith(CSV.mediaType) && !m.isWildcardSubtype()) {
                    return CSV;
                }
                if (m.isCompatibleWith(JSON.mediaType)) {
                    return JSON;
                }
            }
        }
        return JSON;
    }

    /** @param per for CSV: a row per municipality or district instead of per item (null) */
    public byte[] write(Answer answer, AreaLevel per, ObjectMapper json) {
        return write(answer, per, json, Language.DE);
    }

    /** @param language of the CSV's headings and words (JSON and GeoJSON carry codes) */
    public byte[] write(Answer answer, AreaLevel per, ObjectMapper json, Language language) {
        try {
            return switch (this) {
                case JSON -> json.writeValueAsBytes(answer);
                case GEOJSON -> json.writeValueAsBytes(featureCollection(answer, json));
                case CSV -> {
                    // Every row names the sources it was computed from, so an exported table still cites them.
                    Table table = answer.table(per).with("Datenquellen", answer.provenance().summary(language.pick(", importiert am ", ", imported ")))
                            .with("Namensnennung", answer.provenance().attributions());
                    yield Csv.write(table.header(), table.rows(), language);
                }
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answer: " + e.getMessage(), e);
        }
    }

    /** The answer's JSON with its items as point features: a map shows the same answer that JSON states. */
    private static ObjectNode featureCollection(Answer answer, ObjectMapper json) {
        ObjectNode doc = json.createObjectNode().put("type", "FeatureCollection");
        ObjectNode members = json.valueToTree(answer);
        members.properties().forEach(m -> {
            boolean items = m.getKey().equals(answer.itemsName());
            doc.set(items ? "features" : m.getKey(), items ? features(answer.items(), json) : m.getValue());
        });
        return doc;
    }

    private static ArrayNode features(List<? extends Located> items, ObjectMapper json) {
        ArrayNode features = json.createArrayNode();
        for (Located item : items) {
            ObjectNode properties = json.valueToTree(item);
            properties.remove(List.of("lon", "lat"));
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.set("id", properties.get("id"));
            feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(item.lon()).add(item.lat());
            feature.set("properties", properties);
        }
        return features;
    }
}
