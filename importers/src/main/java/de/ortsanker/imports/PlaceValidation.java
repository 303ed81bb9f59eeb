package de.ortsanker.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The importers' rules for one place, for writers other than a file — the service's editing API: the same
 * fields ({@link PlaceFields}), the same parsing of values and the same checks and messages
 * ({@code PlaceCheck}) as an import, defined once. Where an import drops an unusable optional field and
 * goes on, a hand edit is refused instead, naming the field: a person can correct it at once.
 */
public final class PlaceValidation {

    /** What is wrong with one field ({@code name}, {@code addr_postcode}, {@code details.seats}, {@code geometry} …). */
    public record Invalid(String field, String reason) {
    }

    /**
     * A place that passed, as an import would store it: the kind's code, the geometry (a point where the kind
     * takes only points), the values of {@link PlaceFields#names()} by column and the details as JSON.
     */
    public record Valid(String kind, Geometry geometry, Map<String, Object> columns, String detailsJson) {
    }

    /** Either {@code valid} or the problems (at least one). */
    public record Outcome(Valid valid, List<Invalid> problems) {

        public boolean isValid() {
            return valid != null;
        }
    }

    private static final String IMPORT_SUFFIX = "; imported without it";
    private static final Origin REQUEST = new Origin("request", null, null, null);

    private PlaceValidation() {
    }

    /** The fields a writer may give besides the geometry: {@link PlaceFields#names()} and {@code details}. */
    public static List<String> fields() {
        var names = new ArrayList<>(PlaceFields.names());
        names.add("details");
        return names;
    }

    /**
     * Checks a whole place.
     *
     * @param fields   field → value as JSON gives it (text, number, boolean, list; {@code details} an object);
     *                 null or blank is no value
     * @param geometry in WGS 84 (longitude, latitude)
     */
    public static Outcome check(Vocabulary vocabulary, Map<String, ?> fields, Geometry geometry) {
        var problems = new ArrayList<Invalid>();
        var record = new PlaceRecord("request", REQUEST);
        for (var e : fields.entrySet()) {
            if (e.getKey().equals("details")) {
                if (e.getValue() instanceof Map<?, ?> details) {
                    details.forEach((k, v) -> {
                        if (v != null) {
                            record.details.put(String.valueOf(k), v);
                        }
                    });
                } else if (e.getValue() != null) {
                    problems.add(new Invalid("details", "must be an object of the kind's detail fields"));
                }
            } else if (!PlaceFields.set(record, e.getKey(), e.getValue(), p -> problems.add(invalid(p)))) {
                problems.add(new Invalid(e.getKey(), "is not a field of a place (fields: "
                        + String.join(", ", fields()) + ", geometry)"));
            }
        }
        String geometryProblem = geometryProblem(geometry);
        if (geometryProblem != null) {
            problems.add(new Invalid("geometry", geometryProblem));
        } else {
            record.geometry = geometry;
            new PlaceCheck(vocabulary).accept(record, p -> problems.add(invalid(p)));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        return new Outcome(new Valid(record.kind, record.geometry, new LinkedHashMap<>(PlaceFields.values(record)),
                record.detailsJson()), List.of());
    }

    private static Invalid invalid(Problem p) {
        String reason = p.reason().endsWith(IMPORT_SUFFIX)
                ? p.reason().substring(0, p.reason().length() - IMPORT_SUFFIX.length()) : p.reason();
        return new Invalid(p.field() == null ? "place" : p.field(), reason);
    }

    private static String geometryProblem(Geometry g) {
        if (g == null || g.isEmpty()) {
            return "a place needs a geometry (a GeoJSON point or polygon in WGS 84)";
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                return "coordinates must be longitude and latitude in WGS 84 (" + c.x + ", " + c.y + " is not)";
            }
        }
        var valid = new IsValidOp(g);
        if (!valid.isValid()) {
            return "is not a valid geometry: " + valid.getValidationError().getMessage();
        }
        return null;
    }
}
