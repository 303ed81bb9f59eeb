package de.ortsanker.features;

import de.ortsanker.cql2.Cql2;
import de.ortsanker.cql2.Cql2Exception;
import de.ortsanker.cql2.Expression;
import de.ortsanker.cql2.Operand;
import de.ortsanker.cql2.Queryable;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.problem.InvalidParameter;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The validated parameters of {@code /collections/{id}/items}. Every parameter is checked before any SQL
 * runs; a bad one is a 400 problem naming it, and a parameter the API does not define is one too
 * (OGC API Features /req/core/query-param-unknown).
 *
 * @param after           keyset paging (next links): only features with a greater id; null if not given
 * @param before          keyset paging (prev links): the features right before this id; null if not given
 * @param propertyFilters {@code name=value} filters on queryables, as CQL2 predicates
 * @param places          for a collection of places, the filter language ({@code kinds}, {@code step_free},
 *                        {@code free_entry}) with the same meaning as everywhere else; else none
 * @param returned        the properties each feature carries, in the collection's order: all of them unless
 *                        {@code properties} or {@code exclude-properties} (Part 5 returnables) say otherwise
 * @param skipGeometry    features come without their geometry ({@code skipGeometry=true}): a list or a filter
 *                        tool that needs no map asks this way
 */
record ItemsQuery(int limit, long offset, Long after, Long before, BoundingBox bbox, DateTimeFilter datetime,
        Expression filter, Crs filterCrs, List<Expression> propertyFilters, PlaceFilter places, Crs crs,
        List<String> returned, boolean skipGeometry) {

    /**
     * A page a portal can list without paging: Masterportal's feature list sends no limit and shows one page,
     * and GDAL pages by the API's default. Ten made a district's 26 places a list of 10 and GDAL 1,101 requests
     * for the municipalities; 100 keeps a page of places near 100 KB.
     */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final long MAX_OFFSET = 10_000_000;

    /** The parameters every items request may carry, besides the collection's queryables. */
    static final List<String> PARAMETERS = List.of("f", "limit", "offset", "after", "before", "bbox", "bbox-crs", "crs",
            "datetime", "filter", "filter-lang", "filter-crs", "properties", "exclude-properties", "skipGeometry");

    /** … and on collections of places, the filter language ({@code free_entry} is a queryable there anyway). */
    static final List<String> PLACE_PARAMETERS = java.util.stream.Stream.concat(PARAMETERS.stream(),
            java.util.stream.Stream.of(PlaceFilter.KINDS, PlaceFilter.STEP_FREE)).toList();

    static ItemsQuery parse(Map<String, String[]> params, CollectionDefinition collection) {
        var queryables = new LinkedHashMap<String, Queryable>();
        collection.queryables().all().stream().filter(q -> q.type() != Queryable.Type.GEOMETRY)
                .forEach(q -> queryables.put(q.name(), q));
        boolean places = collection.places() != null;
        checkKnown(params, places ? PLACE_PARAMETERS : PARAMETERS, queryables.keySet());
        // The filter language here as everywhere; wheelchair stays the property's exact value (a queryable).
        PlaceFilter placeFilter = !places ? PlaceFilter.NONE : PlaceFilter.of(kinds(params),
                one(params, PlaceFilter.STEP_FREE), one(params, PlaceFilter.FREE_ENTRY), null, null)
                .requireWithin(collection.places(), collection.id());

        int limit = (int) integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = integer(params, "offset", 0, 0, MAX_OFFSET);
        Long after = one(params, "after") == null ? null : integer(params, "after", 0, 0, Long.MAX_VALUE);
        Long before = one(params, "before") == null ? null : integer(params, "before", 0, 0, Long.MAX_VALUE);
        if (after != null && before != null) {
            throw new InvalidParameter("before", "cannot be combined with after");
        }
        if ((after != null || before != null) && offset > 0) {
            throw new InvalidParameter("offset", "cannot be combined with " + (after != null ? "after" : "before")
                    + "; the next and prev links page by id");
        }
        Crs crs = one(params, "crs") == null ? Crs.CRS84 : Crs.parse(one(params, "crs"), "crs");
        Crs bboxCrs = one(params, "bbox-crs") == null ? Crs.CRS84 : Crs.parse(one(params, "bbox-crs"), "bbox-crs");
        if (one(params, "bbox-crs") != null && one(params, "bbox") == null) {
            throw new InvalidParameter("bbox-crs", "is given without bbox");
        }
        BoundingBox bbox = one(params, "bbox") == null ? null : BoundingBox.parse(one(params, "bbox"), bboxCrs);
        DateTimeFilter datetime = one(params, "datetime") == null ? null : DateTimeFilter.parse(one(params, "datetime"));

        Expression filter = null;
        String filterText = one(params, "filter");
        String language = one(params, "filter-lang");
        if (language != null && !language.equals(Cql2.TEXT) && !language.equals(Cql2.JSON)) {
            throw new InvalidParameter("filter-lang", "'" + language + "' is not supported; use " + Cql2.TEXT + " or "
                    + Cql2.JSON);
        }
        Crs filterCrs = one(params, "filter-crs") == null ? Crs.CRS84 : Crs.parse(one(params, "filter-crs"), "filter-crs");
        if (filterText != null) {
            try {
                filter = Cql2.parse(filterText, language == null ? Cql2.TEXT : language);
            } catch (Cql2Exception e) {
                throw new InvalidParameter("filter", e.getMessage());
            }
        } else if (language != null || one(params, "filter-crs") != null) {
            throw new InvalidParameter(language != null ? "filter-lang" : "filter-crs", "is given without filter");
        }

        var propertyFilters = new ArrayList<Expression>();
        for (Queryable q : queryables.values()) {
            String value = one(params, q.name());
            if (value != null && !(places && PlaceFilter.PARAMETERS.contains(q.name()))) {
                propertyFilters.add(equals(q, value));
            }
        }
        return new ItemsQuery(limit, offset, after, before, bbox, datetime, filter, filterCrs, propertyFilters,
                placeFilter, crs, returned(params, collection), bool(params, "skipGeometry"));
    }

    /** Every returnable of a collection: its properties, then the provenance. */
    static List<String> returnables(CollectionDefinition c) {
        var names = new ArrayList<String>();
        c.properties().forEach(p -> names.add(p.name()));
        names.addAll(List.of("source", "licence", "attribution"));
        return names;
    }

    /**
     * {@code properties=name,kind} keeps those (in the collection's order), {@code exclude-properties=details}
     * leaves those out; an empty {@code properties=} keeps none. An unknown name is a mistake, named.
     */
    private static List<String> returned(Map<String, String[]> params, CollectionDefinition c) {
        String keep = one(params, "properties");
        String drop = one(params, "exclude-properties");
        List<String> all = returnables(c);
        if (keep == null && drop == null) {
            return all;
        }
        var kept = keep == null ? new java.util.HashSet<>(all) : names(keep, "properties", all);
        if (drop != null) {
            kept.removeAll(names(drop, "exclude-properties", all));
        }
        return all.stream().filter(kept::contains).toList();
    }

    private static java.util.Set<String> names(String list, String parameter, List<String> all) {
        var names = new java.util.HashSet<String>();
        for (String n : list.split(",")) {
            String name = n.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!all.contains(name)) {
                throw new InvalidParameter(parameter, "'" + name + "' is not a property of this collection; properties: "
                        + String.join(", ", all));
            }
            names.add(name);
        }
        return names;
    }

    private static boolean bool(Map<String, String[]> params, String name) {
        String value = one(params, name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidParameter(name, "must be true or false, got '" + value + "'");
    }

    /** Repeated {@code kinds} parameters add up, as in the tiles. */
    private static String kinds(Map<String, String[]> params) {
        String[] values = params.get(PlaceFilter.KINDS);
        return values == null ? null : String.join(",", values);
    }

    /** For {@code /items/{featureId}}: only {@code f} and {@code crs}. */
    static Crs parseFeatureCrs(Map<String, String[]> params) {
        checkKnown(params, List.of("f", "crs"), List.of());
        return one(params, "crs") == null ? Crs.CRS84 : Crs.parse(one(params, "crs"), "crs");
    }

    /** {@code name=value}: equal to the value, or for lists: containing it. */
    private static Expression equals(Queryable q, String value) {
        try {
            return equalsLiteral(q, value);
        } catch (Cql2Exception e) {
            throw new InvalidParameter(q.name(), e.getMessage());
        }
    }

    private static Expression equalsLiteral(Queryable q, String value) {
        Operand literal = switch (q.type()) {
            case STRING, STRING_ARRAY -> new Operand.Text(value);
            case INTEGER, NUMBER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidParameter(q.name(), "'" + value + "' is not a number");
                }
                if (Double.isInfinite(number.doubleValue())) {
                    throw new InvalidParameter(q.name(), "'" + value + "' is too large a number");
                }
                if (q.type() == Queryable.Type.INTEGER && number.stripTrailingZeros().scale() > 0) {
                    throw new InvalidParameter(q.name(), "must be a whole number, got '" + value + "'");
                }
                yield new Operand.Number(number);
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new InvalidParameter(q.name(), "must be true or false, got '" + value + "'");
                }
                yield new Operand.Bool(Boolean.parseBoolean(value));
            }
            case DATE -> {
                try {
                    yield new Operand.DateValue(LocalDate.parse(value.trim()));
                } catch (DateTimeException e) {
                    throw new InvalidParameter(q.name(), "'" + value + "' is not a date like 2024-05-01");
                }
            }
            case TIMESTAMP -> {
                try {
                    yield new Operand.Timestamp(OffsetDateTime.parse(value.trim()).toInstant());
                } catch (DateTimeException e) {
                    throw new InvalidParameter(q.name(), "'" + value + "' is not a time like 2024-05-01T10:00:00Z");
                }
            }
            case GEOMETRY -> throw new IllegalStateException("geometry is filtered with bbox or filter");
        };
        var property = new Operand.Property(q.name());
        return q.type() == Queryable.Type.STRING_ARRAY
                ? new Expression.ArrayRelation(Expression.ArrayOperator.A_CONTAINS, property, new Operand.Array(List.of(literal)))
                : new Expression.Comparison(Expression.ComparisonOperator.EQ, property, literal);
    }

    static void checkKnown(Map<String, String[]> params, List<String> standard, java.util.Collection<String> queryables) {
        var unknown = new TreeSet<String>();
        for (String name : params.keySet()) {
            if (!standard.contains(name) && !queryables.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            var allowed = new ArrayList<>(standard);
            allowed.addAll(queryables);
            String first = unknown.first();
            throw new InvalidParameter(first, "is not a parameter of this resource" + (unknown.size() > 1
                    ? " (nor are " + String.join(", ", unknown.tailSet(first, false)) + ")" : "")
                    + "; parameters: " + String.join(", ", allowed));
        }
    }

    /** The single value of a parameter, or null when absent; a repeated parameter is a mistake. */
    static String one(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidParameter(name, "is given " + values.length + " times; give it once");
        }
        return values[0];
    }

    private static long integer(Map<String, String[]> params, String name, long defaultValue, long min, long max) {
        String value = one(params, name);
        if (value == null) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new InvalidParameter(name, "must be from " + min + " to " + max + ", got " + n
                    + (name.equals("limit") && n > max ? "; page through larger results with the next links" : ""));
        }
        return n;
    }

}
