package de.ortsanker.filter;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The filter language citizens, portals and planners narrow places with — parsed once, the same meaning
 * in the places API, OGC API Features items, vector tiles and planning targets:
 *
 * <ul>
 * <li>{@code kinds}: layer ids and kind codes ({@link KindSelection}), any of which passes;</li>
 * <li>{@code step_free}: {@code yes} or {@code limited} ({@link StepFree});</li>
 * <li>{@code free_entry}: {@code true} (free entry, nothing to buy) or {@code false}.</li>
 * </ul>
 *
 * Each becomes one fixed SQL condition over {@code places p} with bound values ({@link #sql()}); who may
 * see a place at all is {@link PublicPlaces}' rule, applied beside it. The names the places API and the
 * tiles used before ({@code wheelchair}, {@code free}) are understood for one release and reported in
 * {@link #deprecated()}.
 *
 * @param kinds      the kinds that pass; empty: every kind
 * @param stepFree   how step-free a place must be; null: no condition
 * @param freeEntry  free entry required (true) or excluded (false); null: no condition
 * @param deprecated the deprecated names the request used, for a {@code Deprecation} header
 */
public record PlaceFilter(Set<Kind> kinds, StepFree stepFree, Boolean freeEntry, List<String> deprecated) {

    public static final String KINDS = "kinds";
    public static final String STEP_FREE = "step_free";
    public static final String FREE_ENTRY = "free_entry";
    /** The parameters of the language, as they are documented. */
    public static final List<String> PARAMETERS = List.of(KINDS, STEP_FREE, FREE_ENTRY);

    /** What the places API called step_free and free_entry before there was one name for each. */
    static final String OLD_STEP_FREE = "wheelchair";
    static final String OLD_FREE_ENTRY = "free";
    /** Every name a request may use, the deprecated ones included (for "unknown parameter" checks). */
    public static final List<String> ACCEPTED = List.of(KINDS, STEP_FREE, FREE_ENTRY, OLD_STEP_FREE, OLD_FREE_ENTRY);

    public static final PlaceFilter NONE = new PlaceFilter(Set.of(), null, null, List.of());

    /** Every place layer, in the vocabulary's order: what an answer without a kinds filter is made of. */
    private static final Set<String> ALL_LAYERS = Collections.unmodifiableSet(EnumSet.allOf(Kind.class).stream()
            .map(k -> k.group().code()).collect(Collectors.<String, LinkedHashSet<String>>toCollection(LinkedHashSet::new)));

    public PlaceFilter {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        deprecated = List.copyOf(deprecated);
    }

    /**
     * Reads the filter from request parameters (repeated {@code kinds} are joined). Parameters that are not
     * the filter's are left alone: the endpoint checks for unknown ones.
     *
     * @param tilesLegacy whether {@code wheelchair} may be a list as the tiles took it ({@code yes,limited})
     */
    public static PlaceFilter parse(Map<String, String[]> parameters, boolean tilesLegacy) {
        String[] kinds = parameters.get(KINDS);
        String[] oldStepFree = parameters.get(OLD_STEP_FREE);
        return of(kinds == null ? null : String.join(",", kinds), one(parameters, STEP_FREE),
                one(parameters, FREE_ENTRY), tilesLegacy && oldStepFree != null ? String.join(",", oldStepFree)
                        : one(parameters, OLD_STEP_FREE), one(parameters, OLD_FREE_ENTRY), tilesLegacy);
    }

    /** From single values as a web framework binds them (null: not given). */
    public static PlaceFilter of(String kinds, String stepFree, String freeEntry, String oldStepFree, String oldFreeEntry) {
        return of(kinds, stepFree, freeEntry, oldStepFree, oldFreeEntry, false);
    }

    private static PlaceFilter of(String kinds, String stepFree, String freeEntry, String oldStepFree,
                                  String oldFreeEntry, boolean tilesLegacy) {
        if (kinds == null && stepFree == null && freeEntry == null && oldStepFree == null && oldFreeEntry == null) {
            return NONE;  // most requests
        }
        var deprecated = new ArrayList<String>();
        var selection = KindSelection.parse(kinds, KINDS);
        selection.deprecated().forEach(code -> deprecated.add(KINDS + "=" + code + " (use "
                + KindSelection.OLD_GROUP_CODES.get(code).code() + ")"));
        StepFree step = stepFree(stepFree, STEP_FREE);
        if (oldStepFree != null && !oldStepFree.isBlank()) {
            if (step != null) {
                throw new InvalidParameter(OLD_STEP_FREE, "give only " + STEP_FREE + " (" + OLD_STEP_FREE + " is its old name)");
            }
            step = tilesLegacy ? legacyTileWheelchair(oldStepFree) : stepFree(oldStepFree, OLD_STEP_FREE);
            deprecated.add(OLD_STEP_FREE + " (use " + STEP_FREE + ")");
        }
        Boolean free = bool(freeEntry, FREE_ENTRY);
        if (oldFreeEntry != null && !oldFreeEntry.isBlank()) {
            if (free != null) {
                throw new InvalidParameter(OLD_FREE_ENTRY, "give only " + FREE_ENTRY + " (" + OLD_FREE_ENTRY + " is its old name)");
            }
            free = bool(oldFreeEntry, OLD_FREE_ENTRY);
            deprecated.add(OLD_FREE_ENTRY + " (use " + FREE_ENTRY + ")");
        }
        return new PlaceFilter(selection.kinds(), step, free, deprecated);
    }

    private static StepFree stepFree(String raw, String parameter) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "yes" -> StepFree.YES;
            case "limited" -> StepFree.LIMITED;
            default -> throw new InvalidParameter(parameter, "must be 'yes' (step-free) or 'limited' (at least partly"
                    + " step-free), got '" + raw + "'");
        };
    }

    /** The tiles took a list of wheelchair values; a list with limited now means "at least limited". */
    private static StepFree legacyTileWheelchair(String raw) {
        var values = new TreeSet<String>();
        for (String v : raw.split(",")) {
            if (!v.isBlank()) {
                values.add(v.strip());
            }
        }
        if (values.contains("no") || !Set.of("yes", "limited").containsAll(values)) {
            throw new InvalidParameter(OLD_STEP_FREE, "'" + raw + "': use " + STEP_FREE + "=yes or " + STEP_FREE
                    + "=limited; other wheelchair values are filtered with filter=wheelchair='no' (CQL2)");
        }
        return values.contains("limited") ? StepFree.LIMITED : StepFree.YES;
    }

    private static Boolean bool(String raw, String parameter) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameter(parameter, "must be true or false, got '" + raw + "'");
        };
    }

    private static String one(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidParameter(name, "is given " + values.length + " times; give it once");
        }
        return values[0];
    }

    public boolean isEmpty() {
        return kinds.isEmpty() && stepFree == null && freeEntry == null;
    }

    /** Whether a place of this kind can pass (the kind condition alone). */
    public boolean admits(Kind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** The kinds among {@code of} that pass, in their order. */
    public List<Kind> kindsIn(Collection<Kind> of) {
        return of.stream().filter(this::admits).toList();
    }

    /**
     * The filter for one layer alone: a kind that is not in it is a mistake (400), not an empty answer —
     * "kinds=pub" on the clubs layer is meant for another layer.
     */
    public PlaceFilter requireWithin(Group layer, String layerId) {
        for (Kind k : kinds) {
            if (k.group() != layer) {
                throw new InvalidParameter(KINDS, "kind '" + k.code() + "' is not in layer '" + layerId + "' but in '"
                        + k.group().code() + "'");
            }
        }
        return this;
    }

    /**
     * The conditions over {@code places p}, with bound values, in a fixed text per combination of filters
     * (statement caches see few shapes); {@code true} when there are none.
     */
    public SqlFilter sql() {
        var where = new ArrayList<String>();
        var values = new ArrayList<Object>();
        if (!kinds.isEmpty()) {
            where.add("p.kind = any(?)");
            values.add(kinds.stream().map(Kind::code).sorted().toArray(String[]::new));
        }
        if (stepFree != null) {
            where.add("p.wheelchair = any(?)");
            values.add(stepFree.wheelchairValues().toArray(String[]::new));
        }
        if (freeEntry != null) {
            where.add("p.free_entry = ?");
            values.add(freeEntry);
        }
        return new SqlFilter(where.isEmpty() ? "true" : String.join(" and ", where), values);
    }

    /** The place layers (group codes) an answer under this filter is made of, for data versions and ETags. */
    public Set<String> layers() {
        if (kinds.isEmpty()) {
            return ALL_LAYERS;
        }
        return EnumSet.allOf(Kind.class).stream().filter(this::admits).map(k -> k.group().code())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Equal for filters that mean the same, however written: for cache keys and ETags. */
    public String key() {
        return kinds.stream().map(Kind::code).sorted().collect(Collectors.joining(","))
                + "|" + (stepFree == null ? "" : stepFree.code()) + "|" + (freeEntry == null ? "" : freeEntry);
    }

    /** The filter as URL query parameters in their current names, e.g. {@code [kinds=cafe,pub, step_free=yes]}. */
    public List<String> queryParameters() {
        var parts = new ArrayList<String>();
        if (!kinds.isEmpty()) {
            parts.add(KINDS + "=" + URLEncoder.encode(kinds.stream().map(Kind::code).sorted()
                    .collect(Collectors.joining(",")), StandardCharsets.UTF_8).replace("%2C", ","));
        }
        if (stepFree != null) {
            parts.add(STEP_FREE + "=" + stepFree.code());
        }
        if (freeEntry != null) {
            parts.add(FREE_ENTRY + "=" + freeEntry);
        }
        return parts;
    }
}
