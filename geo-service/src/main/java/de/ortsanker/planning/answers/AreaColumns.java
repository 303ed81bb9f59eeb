package de.ortsanker.planning.answers;

import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.output.Column;
import java.util.List;
import java.util.function.Function;

/** The columns every table per municipality or district begins with. */
final class AreaColumns {

    private AreaColumns() {
    }

    static <T> List<Column<T>> keyAndName(AreaLevel level, Function<T, String> ags, Function<T, String> name) {
        return List.of(Column.key("AGS", ags),
                new Column<>(level == AreaLevel.MUNICIPALITY ? "Gemeinde" : "Kreis", name));
    }
}
