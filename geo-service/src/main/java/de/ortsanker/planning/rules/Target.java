package de.ortsanker.planning.rules;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.filter.KindSelection;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.filter.PublicPlaces;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.vocabulary.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a planner asks about: places of one or more layers or kinds, any of which will do — {@code third_places}
 * (a whole layer), {@code mitfahrbank|bus_stop} (either kind) — read by the shared filter language
 * ({@link KindSelection}), and narrowed by the request's other filters ({@code step_free}, {@code free_entry})
 * with the same meaning as in the places API, the OGC collections and the tiles.
 *
 * @param places the filter language's filter: the target's kinds and the request's conditions
 */
public record Target(String label, PlaceFilter places) {

    /** Parses a target as written in a request, under the request's conditions; names the parameter when it cannot. */
    public static Target parse(String text, PlaceFilter conditions, String parameter) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameter(parameter,
                    "names no layer or kind (e.g. third_places, mitfahrbank|bus_stop)");
        }
        var selection = KindSelection.parse(text.trim(), "|", parameter);
        return new Target(text.trim(), new PlaceFilter(selection.kinds(), conditions.stepFree(), conditions.freeEntry(),
                selection.deprecated()));
    }

    /**
     * The places of all targets whose kinds pass {@code kinds}, under their conditions — which a request
     * states once for all its targets, so they are the same.
     */
    public static PlaceFilter placesOfAll(List<Target> targets, Predicate<Kind> kinds) {
        var union = EnumSet.noneOf(Kind.class);
        targets.forEach(t -> t.kinds().stream().filter(kinds).forEach(union::add));
        PlaceFilter first = targets.get(0).places();
        for (Target t : targets) {
            if (t.places().stepFree() != first.stepFree() || !Objects.equals(t.places().freeEntry(), first.freeEntry())) {
                throw new IllegalArgumentException("targets of one answer share their conditions");
            }
        }
        return new PlaceFilter(union, first.stepFree(), first.freeEntry(), List.of());
    }

    /** The places a planning answer counts: those the filter admits that the public sees today. */
    public static SqlFilter counted(PlaceFilter places) {
        SqlFilter filter = places.sql();
        return new SqlFilter(filter.sql() + " and " + PublicPlaces.on("current_date"), filter.parameters());
    }

    public Set<Kind> kinds() {
        return places.kinds();
    }

    /** The kind codes, sorted, for stating the input. */
    public String[] kindCodes() {
        return places.kinds().stream().map(Kind::code).sorted().toArray(String[]::new);
    }

    /** The layers whose data this target reads, for data versions. */
    public Set<String> layers() {
        return places.layers();
    }
}
