package de.ortsanker.imports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something an import could not take as it was, and what it did about it: which file, where in it (a
 * line, a feature's position, or an OSM element), which field, and why.
 *
 * @param file    the file's name
 * @param line    1-based line of a text file (CSV, OSM XML), or null
 * @param feature 1-based position of a feature or record (GeoJSON, Shapefile, GeoPackage, Excel row), or null
 * @param element an OSM element such as {@code node/123}, or null
 * @param field   the attribute or column concerned ({@code geometry}, {@code name} …), or null for the whole record
 * @param reason  what is wrong, in words a data steward understands
 * @param action  what the import did
 */
public record Problem(String file, Long line, Long feature, String element, String field, String reason, Action action) {

    /** What the import did with the record. */
    public enum Action {
        /** Not imported. Counts toward --max-errors. */
        REJECTED,
        /** Imported after a safe repair (e.g. a self-touching ring made valid). */
        REPAIRED,
        /** Imported without the field named, which was unusable. */
        FIELD_DROPPED,
        /** Not imported, and not an error of the file: e.g. a multipolygon cut by an extract's edge. */
        SKIPPED,
        /** The source changed a record that was edited by hand: the hand edit was kept. */
        CONFLICT,
        /** For information, e.g. how an address was geocoded. */
        NOTE;

        public String code() {
            return name().toLowerCase();
        }
    }

    /** Where in the file, for messages: "line 12", "feature 3", "node/123" or "". */
    public String location() {
        if (line != null) {
            return "line " + line;
        }
        if (feature != null) {
            return "feature " + feature;
        }
        return element == null ? "" : element;
    }

    /** As stored in import_runs.error_report. */
    public Map<String, Object> toJson() {
        var m = new LinkedHashMap<String, Object>();
        m.put("file", file);
        if (line != null) {
            m.put("line", line);
        }
        if (feature != null) {
            m.put("feature", feature);
        }
        if (element != null) {
            m.put("element", element);
        }
        if (field != null) {
            m.put("field", field);
        }
        m.put("reason", reason);
        m.put("action", action.code());
        return m;
    }

    @Override
    public String toString() {
        String where = location();
        return file + (where.isEmpty() ? "" : " " + where) + (field == null ? "" : ", " + field) + ": " + reason
                + " (" + action.code().replace('_', ' ') + ")";
    }
}
