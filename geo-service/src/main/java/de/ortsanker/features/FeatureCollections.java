package de.ortsanker.features;

import de.ortsanker.problem.NotFound;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The collections the OGC API serves, in their declared order: the catalogue's layers, and every
 * {@link CollectionDefinition} bean in the application (the planning results). Other packages add a
 * collection by declaring a bean; nothing here changes.
 */
@Component
public class FeatureCollections {

    private final Map<String, CollectionDefinition> byId = new LinkedHashMap<>();

    @Autowired
    public FeatureCollections(ObjectProvider<CollectionDefinition> beans) {
        this(beans.orderedStream().toList());
    }

    /** The catalogue's collections and these others. */
    FeatureCollections(List<CollectionDefinition> others) {
        var definitions = new java.util.ArrayList<>(CatalogueCollections.all());
        definitions.addAll(others);
        definitions.stream()
                .sorted(Comparator.comparingInt(CollectionDefinition::order).thenComparing(CollectionDefinition::id))
                .forEach(d -> {
                    if (byId.put(d.id(), d) != null) {
                        throw new IllegalStateException("two collections are named '" + d.id() + "'");
                    }
                });
    }

    public List<CollectionDefinition> all() {
        return List.copyOf(byId.values());
    }

    /** The collection with that id, or a 404 problem that lists the ones that exist. */
    public CollectionDefinition get(String id) {
        CollectionDefinition d = byId.get(id);
        if (d == null) {
            throw new NotFound("there is no collection '" + id + "'; collections: " + String.join(", ", byId.keySet()));
        }
        return d;
    }
}
