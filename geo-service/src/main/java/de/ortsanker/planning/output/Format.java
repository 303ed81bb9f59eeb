package de.ortsanker.planning.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.problem.InvalidParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public byte[] write(Answer answer, ObjectMapper json) {
        try {
            return switch (this) {
                case JSON -> json.writeValueAsBytes(document(answer, false));
                case GEOJSON -> json.writeValueAsBytes(document(answer, true));
                case CSV -> {
                    Answer.Table table = withSources(answer);
                    yield Csv.write(table.header(), table.rows());
                }
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answer: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> document(Answer a, boolean geojson) {
        var doc = new LinkedHashMap<String, Object>();
        if (geojson) {
            doc.put("type", "FeatureCollection");
        }
        doc.put("analysis", a.analysis());
        doc.putAll(a.head());
        List<Object> items = new ArrayList<>();
        for (Answer.Item item : a.items()) {
            if (geojson) {
                var feature = new LinkedHashMap<String, Object>();
                feature.put("type", "Feature");
                feature.put("id", item.properties().get("id"));
                feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(item.lon(), item.lat())));
                feature.put("properties", item.properties());
                items.add(feature);
            } else {
                var props = new LinkedHashMap<>(item.properties());
                props.put("lon", item.lon());
                props.put("lat", item.lat());
                items.add(props);
            }
        }
        doc.put(geojson ? "features" : a.itemsName(), items);
        doc.put("provenance", a.provenance());
        return doc;
    }

    /** Every row carries the sources it was computed from, so an exported table still cites them. */
    private static Answer.Table withSources(Answer a) {
        List<String> header = new ArrayList<>(a.table().header());
        header.add("Datenquellen");
        header.add("Namensnennung");
        String sources = a.provenance().summary(), attribution = a.provenance().attributions();
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : a.table().rows()) {
            List<Object> row = new ArrayList<>(r);
            row.add(sources);
            row.add(attribution);
            rows.add(row);
        }
        return new Answer.Table(header, rows);
    }
}
