package de.ortsanker.features;

import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.catalogue.Layer;
import de.ortsanker.catalogue.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's layers as OGC API Features collections: one per layer, under the layer's id, with its
 * fields as properties (the queryable ones as queryables) and, for places, the public rule and the filter
 * language. Only public rows; contact details only where marked public (the catalogue's fields say so).
 */
final class CatalogueCollections {

    private CatalogueCollections() {
    }

    static List<CollectionDefinition> all() {
        var list = new ArrayList<CollectionDefinition>();
        var layers = Catalogue.all();
        for (int i = 0; i < layers.size(); i++) {
            list.add(of(layers.get(i), 10 * (i + 1)));
        }
        return List.copyOf(list);
    }

    static CollectionDefinition of(Layer layer, int order) {
        Source s = layer.source();
        return CollectionDefinition.builder(layer.id())
                .title(layer.title().de())
                .description(layer.description().en())
                .from(s.fromWithJoins())
                .where(layer.isPlaces() ? layer.kindsSql() : s.existing())
                .id(s.id())
                .geometry(s.geometry(), s.geography())
                .geometryType(layer.geometry().geoJsonType())
                .places(layer.group())
                .properties(layer.fields())
                .provenance(s.sourceColumn(), s.licenceColumn(), s.attributionColumn())
                .layers(layer.versionLayer())
                .order(order)
                .build();
    }
}
