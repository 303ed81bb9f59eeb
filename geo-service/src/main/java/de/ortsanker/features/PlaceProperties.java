package de.ortsanker.features;

import de.ortsanker.catalogue.Field;
import de.ortsanker.imports.PlaceValidation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which property of a place collection's features is which field of a place, for writes (OGC API Features
 * Part 4): read off the catalogue's fields themselves (their SQL names the column), so a feature a client
 * read can be written back as it is. A property shown as {@code p.addr_street} is the field
 * {@code addr_street}; contact values shown only where published ({@code case when p.contact_is_public then
 * p.contact_phone end}) are their fields too, but a replace that sends none keeps a value the feature withheld.
 * Derived properties ({@code kind_label}, {@code updated_at}, {@code source_id}) and the provenance are what
 * the service says, not the client: a write ignores them. Any other name is handed on as it is, so the
 * editing fields the features do not show ({@code is_public}, {@code contact_is_public}, {@code organisation},
 * {@code comment}, or {@code addr_street} by its own name) can be written too, and an unknown one is refused
 * by the places' rules, naming it.
 */
final class PlaceProperties {

    private static final Pattern COLUMN = Pattern.compile("p\\.([a-z_]+)");
    private static final Pattern WITHHELD = Pattern.compile("case when p\\.contact_is_public then p\\.([a-z_]+) end");
    private static final Pattern DETAILS = Pattern.compile("nullif\\(p\\.details, '\\{\\}'::jsonb\\)");
    /** The provenance members every feature carries: the service's, except a new place's source. */
    private static final Set<String> PROVENANCE = Set.of("licence", "attribution");

    /** property → field */
    private final Map<String, String> fields = new LinkedHashMap<>();
    /** properties whose value the feature shows only where published */
    private final Set<String> withheld = new LinkedHashSet<>();
    /** properties the service derives */
    private final Set<String> derived = new LinkedHashSet<>(PROVENANCE);

    private PlaceProperties(List<Field> properties) {
        List<String> editable = PlaceValidation.fields();
        for (Field f : properties) {
            var column = COLUMN.matcher(f.sql());
            var contact = WITHHELD.matcher(f.sql());
            if (column.matches() && editable.contains(column.group(1))) {
                fields.put(f.name(), column.group(1));
            } else if (contact.matches() && editable.contains(contact.group(1))) {
                fields.put(f.name(), contact.group(1));
                withheld.add(f.name());
            } else if (DETAILS.matcher(f.sql()).matches()) {
                fields.put(f.name(), "details");
            } else {
                derived.add(f.name());
            }
        }
    }

    static PlaceProperties of(CollectionDefinition c) {
        return new PlaceProperties(c.properties());
    }

    /** A feature's properties as the editing API's fields: derived ones left out, the others renamed. */
    Map<String, Object> toFields(Map<String, Object> properties, boolean creating) {
        var out = new LinkedHashMap<String, Object>();
        properties.forEach((name, value) -> {
            if (name.equals("source")) {
                if (creating) {
                    out.put("source", value); // a place keeps its source: named only when it is made
                }
            } else if (!derived.contains(name)) {
                out.put(fields.getOrDefault(name, name), value);
            }
        });
        return out;
    }

    /**
     * A replace: every field the features show takes the feature's value or none; fields they do not show
     * stay unless named, and so does a contact value the feature withheld (not published) when none is sent —
     * a client that read the feature could not have sent it back.
     */
    Map<String, Object> replacing(Map<String, Object> properties, boolean contactPublished) {
        var out = new LinkedHashMap<String, Object>();
        fields.values().forEach(field -> out.put(field, null));
        out.putAll(toFields(properties, false));
        for (String property : withheld) {
            if (!contactPublished && properties.get(property) == null) {
                out.remove(fields.get(property));
            }
        }
        return out;
    }

    /** The field a property names (itself when it is not one of the features'). */
    String field(String property) {
        return fields.getOrDefault(property, property);
    }
}
