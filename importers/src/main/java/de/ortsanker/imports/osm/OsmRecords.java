package de.ortsanker.imports.osm;

import de.ortsanker.imports.AddressRecord;
import de.ortsanker.imports.AdminAreaRecord;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.LocalityRecord;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.PlaceFields;
import de.ortsanker.imports.PlaceRecord;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.SourceValues;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.Vocabulary;
import de.ortsanker.imports.geometry.Shapes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Turns an OSM element and its geometry into records, as the mapping says. */
final class OsmRecords {

    /** An element being imported; its source id is "node/123", "way/45", "relation/6". */
    record Element(String type, long id, Tags tags, long timestamp) {
        String ref() {
            return type + "/" + id;
        }
    }

    private final ImportContext context;
    private final OsmMapping mapping;
    private final StopAreas stops;

    OsmRecords(ImportContext context, OsmMapping mapping) {
        this.context = context;
        this.mapping = mapping;
        this.stops = mapping.stopAreas();
    }

    /** A relation that is a stop area, remembered for {@link #emitStops()}; false for any other. */
    boolean stopArea(long id, long[] memberIds, char[] memberTypes, Tags tags) {
        return stops != null && stops.relation(id, memberIds, memberTypes, tags);
    }

    /** The stops, one per stop area, once every relation has been read. */
    void emitStops() {
        if (stops != null) {
            context.stat("osm.stop_elements_joined", stops.emit(context::place, id -> mapping.sourceUrl("relation", id)));
        }
    }

    /** What the mapping makes of an element: a place (by this rule), a locality, an admin area, an address. */
    record Wanted(OsmMapping.PlaceRule place, boolean locality, String adminLevel, boolean address) {

        /** The table a problem with the element counts against. */
        Target target() {
            return place != null ? Target.PLACES : locality ? Target.LOCALITIES
                    : adminLevel != null ? Target.ADMIN_AREAS : Target.ADDRESSES;
        }
    }

    /** What the mapping wants of an element with these tags (areas: ways and relations), or null. */
    Wanted wanted(Tags tags, boolean canBeArea) {
        OsmMapping.PlaceRule rule = mapping.placeRule(tags);
        boolean locality = mapping.isLocality(tags);
        String level = canBeArea ? mapping.adminLevel(tags) : null;
        boolean address = mapping.isAddress(tags);
        return rule == null && !locality && level == null && !address ? null
                : new Wanted(rule, locality, level, address);
    }

    void emit(Element e, Geometry g, boolean area, Wanted w) {
        if (w.place() != null) {
            place(e, w.place(), g, area);
        }
        if (w.locality()) {
            locality(e, g);
        }
        if (w.adminLevel() != null && area) {
            adminArea(e, w.adminLevel(), g);
        }
        if (w.address()) {
            address(e, g);
        }
    }

    void skipped(Element e, Wanted w, String reason) {
        context.skip(origin(e), "geometry", reason, w.target());
    }

    void rejected(Element e, Wanted w, String field, String reason) {
        context.reject(origin(e), field, reason, w.target());
    }

    private void place(Element e, OsmMapping.PlaceRule rule, Geometry g, boolean area) {
        Vocabulary.KindInfo kind = context.vocabulary().kind(rule.kind()).orElseThrow();
        Origin origin = origin(e);
        Geometry shape = kind.takesArea() && area && Shapes.isArea(g) ? g : point(g);
        Geometry placed = context.place(shape, OsmImporter.lonLat(), origin, Target.PLACES);
        if (placed == null) {
            return;
        }
        var r = new PlaceRecord(e.ref(), origin);
        r.kind = kind.code();
        r.geometry = placed;
        r.contactIsPublic = mapping.contactPublic;
        r.sourceUrl = mapping.sourceUrl(e.type(), e.id());
        Map<String, List<String>> columns = new LinkedHashMap<>(mapping.columns);
        columns.putAll(rule.columns());
        for (var c : columns.entrySet()) {
            String value = e.tags().first(c.getValue());
            if (value != null) {
                setField(r, c.getKey(), value, e.tags().get(firstPresent(e.tags(), c.getValue())));
            }
        }
        rule.set().forEach((field, value) -> PlaceFields.set(r, field, value, context::problem));
        // An edit is not a check: last_verified only from check_date / survey:date (the mapping's columns).
        r.sourceEdited = editDate(e);
        rule.details().forEach((key, source) -> {
            Object v = source.value(e.tags());
            if (v != null) {
                r.details.put(key, v);
            }
        });
        if (stops != null && stops.holds(r.kind)) {
            stops.part(e.type(), e.id(), e.tags(), r);
        } else {
            context.place(r);
        }
    }

    private void setField(PlaceRecord r, String field, String value, String raw) {
        Map<String, Object> translation = mapping.translate.get(field);
        if (translation == null) {
            PlaceFields.set(r, field, value, context::problem);
            return;
        }
        Object translated = translation.get(value);
        if (translated == null) {
            context.problem(r.origin.problem(field, "'" + raw + "' is not one of the values the mapping translates ("
                    + String.join(", ", translation.keySet()) + "); imported without it", Problem.Action.FIELD_DROPPED));
            return;
        }
        PlaceFields.set(r, field, translated, context::problem);
    }

    private static String firstPresent(Tags tags, List<String> keys) {
        for (String k : keys) {
            String v = tags.get(k);
            if (v != null && !v.isBlank()) {
                return k;
            }
        }
        return keys.get(0);
    }

    private void locality(Element e, Geometry g) {
        OsmMapping.LocalityRule rule = mapping.localities;
        Origin origin = origin(e);
        String name = e.tags().first(rule.name());
        if (name == null) {
            context.reject(origin, "name", "a " + e.tags().get(rule.kindTag()) + " without a name", Target.LOCALITIES);
            return;
        }
        String kind = e.tags().get(rule.kindTag());
        if (!LocalityRecord.KINDS.contains(kind)) {
            context.reject(origin, rule.kindTag(), "'" + kind + "' is not a kind of locality (" + LocalityRecord.KINDS
                    + ")", Target.LOCALITIES);
            return;
        }
        Geometry placed = context.place(point(g), OsmImporter.lonLat(), origin, Target.LOCALITIES);
        if (placed == null) {
            return;
        }
        var r = new LocalityRecord(e.ref(), origin);
        r.osm = true;
        r.name = name.strip();
        r.kind = kind;
        r.point = (Point) placed;
        String population = e.tags().first(rule.population());
        if (population != null) {
            r.population = SourceValues.parseInteger(population);
            if (r.population == null || r.population < 0) {
                r.population = null;
                context.problem(origin.problem("population", "'" + population + "' is not a number of inhabitants;"
                        + " imported without it", Problem.Action.FIELD_DROPPED));
            }
        }
        r.populationSource = "OpenStreetMap";
        String date = e.tags().first(rule.populationDate());
        r.populationDate = date == null ? null : SourceValues.parseDate(date);
        r.ags = key(e.tags().first(rule.ags()), 8);
        if (r.ags == null && e.tags().first(rule.ags()) != null) {
            context.problem(origin.problem("ags", "'" + e.tags().first(rule.ags()) + "' is not an eight-digit"
                    + " Gemeindeschlüssel; imported without it", Problem.Action.FIELD_DROPPED));
        }
        r.sourceEdited = editDate(e);
        context.locality(r);
    }

    private void adminArea(Element e, String level, Geometry g) {
        OsmMapping.AdminRule rule = mapping.adminAreas;
        Origin origin = origin(e);
        String name = e.tags().first(rule.name());
        String rawKey = e.tags().first(rule.ags());
        int digits = switch (level) {
            case "land" -> 2;
            case "regierungsbezirk" -> 3;
            case "kreis" -> 5;
            default -> 8;
        };
        String ags = key(rawKey, digits);
        if (ags == null) {
            context.reject(origin, "ags", (rawKey == null ? "no official key (" + String.join(", ", rule.ags()) + ")"
                    : "'" + rawKey + "' is not a " + digits + "-digit key") + " for a " + level
                    + (name == null ? "" : " (" + name + ")"), Target.ADMIN_AREAS);
            return;
        }
        if (name == null) {
            context.reject(origin, "name", "a " + level + " without a name", Target.ADMIN_AREAS);
            return;
        }
        Geometry placed = context.place(g, OsmImporter.lonLat(), origin, Target.ADMIN_AREAS);
        if (placed == null) {
            return;
        }
        var r = new AdminAreaRecord(e.ref(), origin);
        r.osm = true;
        r.level = level;
        r.ags = ags;
        String ars = e.tags().first(rule.ars());
        r.ars = ars != null && ars.matches("[0-9]{2,12}") ? ars : null;
        r.name = name.strip();
        r.designation = e.tags().first(rule.designation());
        r.geometry = Shapes.multi(placed);
        context.adminArea(r);
    }

    private void address(Element e, Geometry g) {
        OsmMapping.AddressRule rule = mapping.addresses;
        String street = e.tags().first(rule.street());
        if (street == null) {
            context.count("osm.addresses_without_street");
            return;
        }
        Geometry placed = context.place(point(g), OsmImporter.lonLat(), origin(e), Target.ADDRESSES);
        if (placed == null) {
            return;
        }
        var r = new AddressRecord(e.ref(), origin(e));
        r.street = street.strip();
        r.housenumber = e.tags().first(rule.housenumber());
        r.postcode = e.tags().first(rule.postcode());
        r.city = e.tags().first(rule.city());
        r.point = (Point) placed;
        context.address(r);
    }

    /**
     * An official key of the given length: "09472150" for a Gemeinde; a Kreis or Land key may be given
     * as eight digits padded with zeros (Bayreuth, a city that is its own Kreis: 09462000 → 09462).
     */
    static String key(String raw, int digits) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (!s.matches("[0-9]+")) {
            return null;
        }
        if (s.length() == digits) {
            return s;
        }
        if (s.length() > digits && s.substring(digits).matches("0+")) {
            return s.substring(0, digits);
        }
        return null;
    }

    private LocalDate editDate(Element e) {
        return e.timestamp() <= 0 ? null : LocalDate.ofInstant(Instant.ofEpochMilli(e.timestamp()), ZoneOffset.UTC);
    }

    private Origin origin(Element e) {
        return Origin.element(context.fileName(), e.ref());
    }

    /** A point for the geometry, robust against invalid polygons (whose interior point may fail). */
    private static Geometry point(Geometry g) {
        try {
            return Shapes.representativePoint(g);
        } catch (RuntimeException ex) {
            Point p = g.getFactory().createPoint(g.getCoordinate());
            p.setSRID(g.getSRID());
            return p;
        }
    }
}
