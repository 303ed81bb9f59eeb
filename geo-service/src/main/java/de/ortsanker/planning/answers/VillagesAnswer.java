package de.ortsanker.planning.answers;

import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.output.Answer;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.output.Table;
import java.util.List;

/**
 * An answer about villages, summed up per municipality and district: its table lists the villages, or the
 * summaries of one level.
 *
 * @param <V> what the answer says about a village
 * @param <A> what it says about an area
 */
interface VillagesAnswer<V extends VillageItem, A> extends Answer {

    List<V> villages();

    List<A> municipalities();

    List<A> districts();

    List<Column<V>> villageColumns();

    List<Column<A>> areaColumns(AreaLevel level);

    @Override
    default List<V> items() {
        return villages();
    }

    @Override
    default String itemsName() {
        return "villages";
    }

    @Override
    default Table table(AreaLevel per) {
        if (per == null) {
            return Table.of(villageColumns(), villages());
        }
        return Table.of(areaColumns(per), per == AreaLevel.MUNICIPALITY ? municipalities() : districts());
    }
}
