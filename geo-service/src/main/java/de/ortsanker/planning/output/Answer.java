package de.ortsanker.planning.output;

import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.provenance.Provenance;
import java.util.List;

/**
 * A planning answer as its formats see it. The answer is one record: its JSON is the record itself, its
 * GeoJSON the same with the items as point features, and its CSV the table the record derives from its
 * own members — so the three cannot drift apart.
 */
public interface Answer {

    /** {@code reach}, {@code underserved} or {@code candidates}. */
    String analysis();

    Provenance provenance();

    /** The villages or sites, each at a point. */
    List<? extends Located> items();

    /** What the items are called in the JSON ("villages", "sites"); GeoJSON calls them features. */
    String itemsName();

    /** The table a planner exports: a row per item, or per municipality or district when {@code per} says so. */
    Table table(AreaLevel per);
}
