package de.ortsanker.planning.output;

import de.ortsanker.planning.provenance.Provenance;
import java.util.List;
import java.util.Map;

/**
 * A planning answer ready to be written as JSON, GeoJSON or CSV: its head (inputs, totals, summaries),
 * its items (villages or sites, each at a point), the table a planner exports, and its provenance.
 *
 * @param name      for file names, e.g. {@code underserved-12062}
 * @param itemsName what the items are called in JSON ("villages", "sites")
 */
public record Answer(String analysis, String name, Map<String, Object> head, String itemsName, List<Item> items,
                     Table table, Provenance provenance) {

    /** A village or site: where it is and what the answer says about it. */
    public record Item(double lon, double lat, Map<String, Object> properties) {
    }

    /** The export: column headings and rows (see {@link Csv} for how values are written). */
    public record Table(List<String> header, List<List<Object>> rows) {
    }
}
