package de.ortsanker.features;

import de.ortsanker.service.NotFound;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every {@link CollectionDefinition} bean in the application, in their declared order: the collections
 * the OGC API serves. Other packages add a collection by declaring a bean; nothing here changes.
 */
@Component
public class FeatureCollections {

    private final Map<String, CollectionDefinition> byId = new LinkedHashMap<>();

    public FeatureCollections(List<CollectionDefinition> definitions) {
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
