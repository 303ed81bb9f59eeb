package de.ortsanker.planning.results;

import static de.ortsanker.catalogue.Field.queryable;
import static de.ortsanker.catalogue.Field.shown;

import de.ortsanker.catalogue.FieldType;
import de.ortsanker.catalogue.Text;
import de.ortsanker.features.CollectionDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published planning answers as OGC API Features collections, for the county portal: per analysis and
 * area, the underserved villages and the chosen sites of the current publication ({@link Publications}),
 * never rows of two runs for one area. Each feature names its run, when it was published, its rules and
 * its area, with the licences and attributions of the data it was computed from.
 */
@Configuration
public class PublishedResults {

    /** Only the current publication of each analysis and area. */
    private static final String CURRENT = "r.superseded_at is null";

    @Bean
    CollectionDefinition planningUnderserved() {
        var b = CollectionDefinition.builder("planning_underserved")
                .title("Unterversorgte Orte")
                .description("Villages and hamlets that miss what the planners' rules ask for (e.g. a place to meet"
                        + " within 2 km), ranked by the people affected: the current publication per area"
                        + " (POST /planning/underserved).")
                .from("planning_underserved u join planning_runs r on r.id = u.run_id")
                .where(CURRENT)
                .id("u.id")
                .geometry("u.geom", null)
                .property(queryable("rank", FieldType.INTEGER, Text.of("Rang nach Betroffenen (1 = die meisten)",
                        "Rank by people affected (1 = most)"), "u.rank"))
                .property(queryable("name", FieldType.STRING, Text.of("Ort", "Village"), "u.name"))
                .property(queryable("kind", FieldType.STRING, Text.of("Dorf oder Weiler", "village or hamlet"), "u.kind"))
                .property(queryable("ags", FieldType.STRING, Text.of("Gemeindeschlüssel (AGS)", "Municipality key (AGS)"), "u.ags"))
                .property(queryable("municipality", FieldType.STRING, Text.of("Gemeinde", "Municipality"), "u.municipality"))
                .property(queryable("population", FieldType.INTEGER, Text.of("Einwohner (siehe population_method)",
                        "Inhabitants (see population_method)"), "u.population"))
                .property(queryable("population_method", FieldType.STRING, Text.of(
                        "own (eigene Zahl), zensus (Anteil nach Gitterzellen), addresses (Anteil nach Adressen), settlement_kind (grober Anteil nach Art des Orts), unknown",
                        "own (the village's figure), zensus (share by grid cells), addresses (share by addresses), settlement_kind (rough share by kind of settlement), unknown"), "u.population_method"))
                .property(queryable("missing_rules", FieldType.STRING_ARRAY, Text.of("Die Regeln, die der Ort verfehlt",
                        "The rules the village fails"), "u.missing_rules"))
                .property(shown("missing", FieldType.STRING, Text.of("Was fehlt und wie weit das Nächste ist",
                        "What is missing and how far the nearest is"), "u.missing"));
        return run(b).provenance("'Ortsanker planning analysis'", "r.licence", "r.attribution")
                .layers("planning").order(110).build();
    }

    @Bean
    CollectionDefinition planningCandidates() {
        var b = CollectionDefinition.builder("planning_candidates")
                .title("Standortvorschläge")
                .description("Vacant buildings (or given points) chosen, in order, to serve the most people now"
                        + " unserved: the current publication per area (POST /planning/candidates).")
                .from("planning_candidates c join planning_runs r on r.id = c.run_id")
                .where(CURRENT)
                .id("c.id")
                .geometry("c.geom", null)
                .property(queryable("rank", FieldType.INTEGER, Text.of("Reihenfolge der Auswahl (1 = zuerst gewählt)",
                        "Order of the choice (1 = first pick)"), "c.rank"))
                .property(queryable("label", FieldType.STRING, Text.of("Gebäude oder Punkt", "Building or point"), "c.label"))
                .property(shown("place_id", FieldType.INTEGER, Text.of("Kennung des leer stehenden Gebäudes",
                        "The vacant building's id in places"), "c.place_id"))
                .property(queryable("people_gained", FieldType.INTEGER, Text.of("Neu erreichte Einwohner",
                        "People newly served by this pick"), "c.people_gained"))
                .property(queryable("villages_gained", FieldType.INTEGER, Text.of("Neu erreichte Orte",
                        "Villages newly served"), "c.villages_gained"))
                .property(shown("people_served_after", FieldType.INTEGER, Text.of(
                        "Erreichte Einwohner mit dieser und den früheren Wahlen",
                        "People served once this and the earlier picks are open"), "c.people_served_after"));
        return run(b).provenance("c.source", "c.licence || '; ' || r.licence", "c.attribution || '; ' || r.attribution")
                .layers("planning").order(120).build();
    }

    @Bean
    CollectionDefinition planningIsochrones() {
        var b = CollectionDefinition.builder("planning_isochrones")
                .title("Erreichbarkeit (Isochronen)")
                .description("For each place of the published kinds, the area reachable from it within the minutes on"
                        + " foot or by bike along the OpenStreetMap network (a concave hull around the network nodes"
                        + " reached): the current publication per area (POST /planning/isochrones); never two runs of one"
                        + " area mixed.")
                .from("planning_isochrones i join planning_runs r on r.id = i.run_id")
                .where(CURRENT)
                .id("i.id")
                .geometry("i.geom", null)
                .property(queryable("place_id", FieldType.INTEGER, Text.of("Kennung des Orts", "The place's id"), "i.place_id"))
                .property(queryable("place_name", FieldType.STRING, Text.of("Name des Orts", "The place's name"), "i.place_name"))
                .property(queryable("kind", FieldType.STRING, Text.of("Art des Orts", "The place's kind"), "i.kind"))
                .property(queryable("mode", FieldType.STRING, Text.of("zu Fuß (walk), Rad (bike), Bus/Bahn (transit)",
                        "walk, bike or transit"), "i.mode"))
                .property(queryable("minutes", FieldType.INTEGER, Text.of("Minuten", "Minutes"), "i.minutes"))
                .property(queryable("time_window", FieldType.STRING, Text.of("Zeitfenster (nur Bus/Bahn)",
                        "Time window (transit only)"), "i.time_window"))
                .property(shown("nodes_reached", FieldType.INTEGER, Text.of("Erreichte Netzknoten",
                        "Network nodes reached"), "i.nodes_reached"));
        return run(b).provenance("i.source", "i.licence || '; ' || r.licence", "i.attribution || '; ' || r.attribution")
                .layers("planning").order(130).build();
    }

    /** What every published feature says about the run it belongs to. */
    private static CollectionDefinition.Builder run(CollectionDefinition.Builder b) {
        return b.property(queryable("run", FieldType.INTEGER, Text.of("Veröffentlichung (Kennung)", "Publication (id)"),
                        "r.id"))
                .property(queryable("published_at", FieldType.TIMESTAMP, Text.of("Veröffentlicht am", "When it was published"),
                        "r.published_at"))
                .property(queryable("rules", FieldType.STRING_ARRAY, Text.of("Die Regeln der Auswertung",
                        "The rules of the analysis"), "r.rules"))
                .property(queryable("area", FieldType.STRING, Text.of("Das ausgewertete Gebiet", "The analysed area"),
                        "r.area_name"));
    }
}
