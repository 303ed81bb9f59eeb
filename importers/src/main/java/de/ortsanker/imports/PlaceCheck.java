package de.ortsanker.imports;

import de.ortsanker.imports.geometry.Shapes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rules of the {@code places} table, applied to a record before it is staged, so that a record that
 * breaks them is reported with its file and line instead of failing the whole merge: a known kind, the
 * geometry the kind takes, a name where the kind needs one, detail fields of the kind's schema with
 * their types. An unusable optional field (a four-digit postcode, wheelchair "maybe") is dropped with a
 * note; the record is kept.
 */
final class PlaceCheck {

    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Set<String> OPERATOR_TYPES = Set.of(
            "municipality", "county", "club", "church", "private", "cooperative", "public_transport", "other");
    private static final Map<String, String> WHEELCHAIR = Map.ofEntries(
            Map.entry("yes", "yes"), Map.entry("limited", "limited"), Map.entry("no", "no"),
            Map.entry("ja", "yes"), Map.entry("nein", "no"), Map.entry("teilweise", "limited"),
            Map.entry("eingeschränkt", "limited"), Map.entry("true", "yes"), Map.entry("false", "no"),
            Map.entry("designated", "yes"));

    private final Vocabulary vocabulary;

    PlaceCheck(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Fixes what can be fixed, reports what cannot; false when the record must be rejected. */
    boolean accept(PlaceRecord r, Consumer<Problem> problems) {
        Optional<Vocabulary.KindInfo> found = vocabulary.kind(r.kind);
        if (found.isEmpty()) {
            problems.accept(r.origin.problem("kind", r.kind == null || r.kind.isBlank()
                    ? "no kind given (use a kind column or --kind)"
                    : "unknown kind '" + r.kind + "' (known: " + String.join(", ", vocabulary.codes()) + ")",
                    Problem.Action.REJECTED));
            return false;
        }
        Vocabulary.KindInfo kind = found.get();
        r.kind = kind.code();
        if (!Shapes.isArea(r.geometry) && !kind.takesPoint()) {
            problems.accept(r.origin.problem("geometry", "kind " + kind.code() + " needs an area (polygon), not a "
                    + r.geometry.getGeometryType().toLowerCase(Locale.ROOT), Problem.Action.REJECTED));
            return false;
        }
        if (Shapes.isLine(r.geometry) && r.origin.element() == null) {
            // A file's line (a road, a path) is no place; taking a point on it would put the place anywhere
            // along it. (OSM ways that are not closed stay as before: the mapping decides what they stand for.)
            problems.accept(r.origin.problem("geometry", "a " + r.geometry.getGeometryType().toLowerCase(Locale.ROOT)
                    + " is not a place: give a point" + (kind.takesArea() ? " or an area" : ""), Problem.Action.REJECTED));
            return false;
        }
        if (!kind.takesArea() && !(r.geometry instanceof org.locationtech.jts.geom.Point)) {
            r.geometry = Shapes.representativePoint(r.geometry);
        }
        PlaceFields.tidy(r);
        String tooLong = PlaceFields.tooLong(r);
        if (tooLong != null) {
            problems.accept(r.origin.problem(tooLong, "is longer than " + PlaceFields.maxLength(tooLong)
                    + " characters, the most a place's " + tooLong.replace('_', ' ') + " may have",
                    Problem.Action.REJECTED));
            return false;
        }
        if (kind.nameRequired() && r.name == null) {
            problems.accept(r.origin.problem("name", "a " + kind.labelEn().toLowerCase(Locale.ROOT)
                    + " (" + kind.code() + ") needs a name", Problem.Action.REJECTED));
            return false;
        }
        checkOptionalFields(r, problems);
        checkDetails(r, kind, problems);
        return true;
    }

    private void checkOptionalFields(PlaceRecord r, Consumer<Problem> problems) {
        if (r.addrPostcode != null && !POSTCODE.matcher(r.addrPostcode).matches()) {
            drop(r, "addr_postcode", "'" + r.addrPostcode + "' is not a German postcode (five digits)", problems);
            r.addrPostcode = null;
        }
        if (r.wheelchair != null) {
            String w = WHEELCHAIR.get(r.wheelchair.toLowerCase(Locale.GERMAN));
            if (w == null) {
                drop(r, "wheelchair", "'" + r.wheelchair + "' is not yes, limited or no", problems);
            }
            r.wheelchair = w;
        }
        if (r.operatorType != null && !OPERATOR_TYPES.contains(r.operatorType)) {
            drop(r, "operator_type", "'" + r.operatorType + "' is not one of " + OPERATOR_TYPES, problems);
            r.operatorType = null;
        }
        if (r.capacity != null && r.capacity < 0) {
            drop(r, "capacity", "a capacity cannot be negative (" + r.capacity + ")", problems);
            r.capacity = null;
        }
        if (r.validFrom != null && r.validTo != null && r.validTo.isBefore(r.validFrom)) {
            drop(r, "valid_to", "ends (" + r.validTo + ") before it starts (" + r.validFrom + ")", problems);
            r.validTo = null;
        }
    }

    private void checkDetails(PlaceRecord r, Vocabulary.KindInfo kind, Consumer<Problem> problems) {
        for (Iterator<Map.Entry<String, Object>> it = r.details.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            String type = kind.detailTypes().get(e.getKey());
            if (type == null) {
                drop(r, "details." + e.getKey(), "not a detail of kind " + kind.code() + " (its details: "
                        + (kind.detailTypes().isEmpty() ? "none" : String.join(", ", kind.detailTypes().keySet())) + ")",
                        problems);
                it.remove();
                continue;
            }
            Object value = coerce(type, e.getValue());
            if (value == null) {
                drop(r, "details." + e.getKey(), "'" + e.getValue() + "' is not " + article(type) + " " + type, problems);
                it.remove();
            } else {
                e.setValue(value);
            }
        }
    }

    /**
     * A detail value as the schema types it: "12" → 12 for an integer, "yes"/"ja" → true for a boolean,
     * "a;b" → ["a","b"] for a list (OSM separates values with semicolons); null when it does not fit.
     */
    static Object coerce(String type, Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof List<?> ? null : value.toString().trim();
        switch (type) {
            case "string":
                return text == null || text.isEmpty() ? null : text;
            case "integer":
                if (value instanceof Number n) {
                    double d = n.doubleValue();
                    return d == Math.rint(d) && !Double.isInfinite(d) ? Long.valueOf((long) d) : null;
                }
                try {
                    return text == null ? null : Long.parseLong(text);
                } catch (NumberFormatException ex) {
                    return null;
                }
            case "number":
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                try {
                    return text == null ? null : Double.parseDouble(text.replace(',', '.'));
                } catch (NumberFormatException ex) {
                    return null;
                }
            case "boolean":
                if (value instanceof Boolean) {
                    return value;
                }
                return text == null ? null : switch (text.toLowerCase(Locale.GERMAN)) {
                    case "yes", "true", "ja", "1", "designated" -> Boolean.TRUE;
                    case "no", "false", "nein", "0" -> Boolean.FALSE;
                    default -> null;
                };
            case "string[]":
                List<String> list = new ArrayList<>();
                if (value instanceof List<?> l) {
                    l.forEach(v -> list.add(String.valueOf(v).trim()));
                } else {
                    for (String part : text.split(";")) {
                        list.add(part.trim());
                    }
                }
                list.removeIf(String::isEmpty);
                return list.isEmpty() ? null : list;
            default:
                return null;
        }
    }

    private static String article(String type) {
        return type.startsWith("i") ? "an" : "a";
    }

    private static void drop(PlaceRecord r, String field, String reason, Consumer<Problem> problems) {
        problems.accept(r.origin.problem(field, reason + "; imported without it", Problem.Action.FIELD_DROPPED));
    }
}
