package de.ortsanker.features;

import de.ortsanker.catalogue.Field;
import de.ortsanker.cql2.Queryables;
import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.filter.PublicPlaces;
import de.ortsanker.vocabulary.Group;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One OGC API Features collection, described as data: where its rows come from, which of them are public,
 * what each feature shows and what clients may filter on. The catalogue's layers become collections this
 * way ({@link CatalogueCollections}); declaring a {@code CollectionDefinition} bean is all it takes to publish
 * another — landing page, {@code /collections}, items with paging, bbox, CRS, CQL2 filters, queryables,
 * HTML, OpenAPI and ETags follow from it.
 *
 * <pre>
 * &#64;Bean
 * CollectionDefinition villagesWithoutMeetingPlace() {
 *     return CollectionDefinition.builder("villages_without_meeting_place")
 *             .title("Villages without a place to meet")
 *             .from("planning_results r join localities l on l.id = r.locality_id")
 *             .where("r.analysis_id = (select max(id) from planning_analyses)")
 *             .id("l.id").geometry("l.geom", "l.geog")
 *             .property(Field.queryable("name", FieldType.STRING, Text.of("Ort", "Village"), "l.name"))
 *             .provenance("l.source", "l.licence", "l.attribution")
 *             .layers("localities", "third_places")
 *             .build();
 * }
 * </pre>
 *
 * All SQL here is written by programmers; user input reaches the database only as bound parameters.
 *
 * @param id              the collection id in URLs, e.g. {@code third_places}
 * @param from            the FROM clause (tables and joins with aliases)
 * @param where           which rows belong to it and exist (retired rows stay out); {@code true} if all
 * @param idColumn        a unique, stable, integer column: feature ids and the paging order
 * @param geometryColumn  a geometry in EPSG:4326 with a GiST index
 * @param geographyColumn its indexed geography twin for distances in metres, or null
 * @param places          for a layer of places ({@code places p}), its kind group: then the public rule
 *                        ({@link PublicPlaces}) decides which rows are shown on which days, {@code datetime}
 *                        asks for another period than today, and the filter language applies; else null
 * @param provenance      the columns holding each row's source, licence and attribution
 * @param layers          the {@code data_versions} layers the rows come from: ETags and caches key on them
 * @param order           position in {@code /collections} (ascending)
 * @param geometryType    the GeoJSON type of every feature's geometry ({@code Point}, {@code MultiPolygon}), or
 *                        null when they differ: schemas declare it, so clients know it before any data exists
 */
public record CollectionDefinition(String id, String title, String description, String from, String where,
        String idColumn, String geometryColumn, String geographyColumn, Group places,
        List<Field> properties, Provenance provenance, List<String> layers, int order, String geometryType) {

    /** SQL expressions for a row's source, licence and attribution, added to every feature. */
    public record Provenance(String sourceSql, String licenceSql, String attributionSql) {
        public Provenance {
            Objects.requireNonNull(sourceSql, "sourceSql");
            Objects.requireNonNull(licenceSql, "licenceSql");
            Objects.requireNonNull(attributionSql, "attributionSql");
        }
    }

    public CollectionDefinition {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("collection id '" + id + "' must be lower_snake_case");
        }
        Objects.requireNonNull(title, id + ": title");
        Objects.requireNonNull(from, id + ": from");
        Objects.requireNonNull(idColumn, id + ": idColumn");
        Objects.requireNonNull(geometryColumn, id + ": geometryColumn");
        Objects.requireNonNull(provenance, id + ": provenance (every record carries its source, licence and attribution)");
        where = where == null || where.isBlank() ? "true" : where;
        description = description == null ? "" : description;
        properties = List.copyOf(properties);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(id + ": name the data_versions layers the rows come from");
        }
        var names = new java.util.HashSet<String>();
        for (Field p : properties) {
            if (!names.add(p.name()) || Reserved.NAMES.contains(p.name())) {
                throw new IllegalArgumentException(id + ": property '" + p.name() + "' is defined twice or is reserved");
            }
        }
    }

    /** Whether features have a validity period ({@code datetime} selects by it): places do. */
    public boolean temporal() {
        return places != null;
    }

    /**
     * The rows shown for a period, both ends inclusive and null for open: the collection's own condition,
     * and for places the public rule over the period (by default, today).
     */
    public SqlFilter visible(LocalDate first, LocalDate last) {
        if (places == null) {
            return new SqlFilter("(" + where + ")", List.of());
        }
        SqlFilter rule = PublicPlaces.during(first, last);
        return new SqlFilter("(" + where + ") and " + rule.sql(), rule.parameters());
    }

    /** What filters may name: the queryable properties, the provenance fields and {@code geometry}. */
    public Queryables queryables() {
        return Field.queryables(properties, provenance.sourceSql(), provenance.licenceSql(), geometryColumn,
                geographyColumn);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Names that are query parameters or provenance fields and therefore not free for properties. */
    static final class Reserved {
        static final java.util.Set<String> NAMES = java.util.Set.of("f", "limit", "offset", "bbox", "crs", "datetime",
                "filter", "geometry", "id", "source", "licence", "attribution", "kinds", "step_free", "properties");

        private Reserved() {
        }
    }

    /** Builds a definition step by step; see the class comment for an example. */
    public static final class Builder {
        private final String id;
        private String title;
        private String description;
        private String from;
        private String where;
        private String idColumn;
        private String geometryColumn;
        private String geographyColumn;
        private Group places;
        private final List<Field> properties = new ArrayList<>();
        private Provenance provenance;
        private final List<String> layers = new ArrayList<>();
        private int order = 100;
        private String geometryType;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder where(String where) {
            this.where = where;
            return this;
        }

        public Builder id(String idColumn) {
            this.idColumn = idColumn;
            return this;
        }

        public Builder geometry(String geometryColumn, String geographyColumn) {
            this.geometryColumn = geometryColumn;
            this.geographyColumn = geographyColumn;
            return this;
        }

        /** The collection holds places ({@code places p}) of this group: see {@link CollectionDefinition#places}. */
        public Builder places(Group group) {
            this.places = group;
            return this;
        }

        public Builder property(Field property) {
            properties.add(property);
            return this;
        }

        public Builder properties(List<Field> more) {
            properties.addAll(more);
            return this;
        }

        public Builder provenance(String sourceSql, String licenceSql, String attributionSql) {
            this.provenance = new Provenance(sourceSql, licenceSql, attributionSql);
            return this;
        }

        public Builder layers(String... layerNames) {
            layers.addAll(List.of(layerNames));
            return this;
        }

        /** Every feature's geometry is of this GeoJSON type ({@code Point}, {@code MultiPolygon}, …). */
        public Builder geometryType(String geoJsonType) {
            this.geometryType = geoJsonType;
            return this;
        }

        public Builder order(int order) {
            this.order = order;
            return this;
        }

        public CollectionDefinition build() {
            return new CollectionDefinition(id, title, description, from, where, idColumn, geometryColumn,
                    geographyColumn, places, properties, provenance, layers, order, geometryType);
        }
    }
}
