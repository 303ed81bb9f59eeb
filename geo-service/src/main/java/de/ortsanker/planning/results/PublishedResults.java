package de.ortsanker.planning.results;

import static de.ortsanker.features.FeatureProperty.queryable;
import static de.ortsanker.features.FeatureProperty.shown;

import de.ortsanker.features.CollectionDefinition;
import de.ortsanker.features.FeatureProperty.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The latest planning answers as OGC API Features collections, for the county portal: per area, the
 * underserved villages and the chosen sites of the newest run ({@link LatestResults} keeps one per area).
 * Each feature carries the run's area, time, licences and attributions.
 */
@Configuration
public class PublishedResults {

    @Bean
    CollectionDefinition planningUnderserved() {
        return CollectionDefinition.builder("planning_underserved")
                .title("Unterversorgte Orte")
                .description("Villages and hamlets that miss what the planners' rules ask for (e.g. a place to meet"
                        + " within 2 km), ranked by the people affected: the latest analysis per area"
                        + " (GET /planning/underserved).")
                .from("planning_underserved u join planning_runs r on r.id = u.run_id")
                .id("u.id")
                .geometry("u.geom", null)
                .property(queryable("rank", "u.rank", Type.INTEGER, "Rank by people affected (1 = most)"))
                .property(queryable("name", "u.name", Type.STRING, "Village"))
                .property(queryable("kind", "u.kind", Type.STRING, "village or hamlet"))
                .property(queryable("ags", "u.ags", Type.STRING, "Municipality key (AGS)"))
                .property(queryable("municipality", "u.municipality", Type.STRING, "Municipality"))
                .property(queryable("population", "u.population", Type.INTEGER, "Inhabitants (see population_method)"))
                .property(queryable("population_method", "u.population_method", Type.STRING,
                        "own (the village's figure), zensus (grid cells), estimate, unknown"))
                .property(queryable("missing_rules", "u.missing_rules", Type.STRING_ARRAY, "The rules the village fails"))
                .property(shown("missing", "u.missing", Type.STRING, "What is missing and how far the nearest is"))
                .property(queryable("area", "r.area_name", Type.STRING, "The analysed area"))
                .property(queryable("computed_at", "r.computed_at", Type.TIMESTAMP, "When the analysis ran"))
                .provenance("'Ortsanker planning analysis'", "r.licence", "r.attribution")
                .layers("planning")
                .order(110)
                .build();
    }

    @Bean
    CollectionDefinition planningCandidates() {
        return CollectionDefinition.builder("planning_candidates")
                .title("Standortvorschläge")
                .description("Vacant buildings (or given points) chosen, in order, to serve the most people now"
                        + " unserved: the latest analysis per area (GET /planning/candidates).")
                .from("planning_candidates c join planning_runs r on r.id = c.run_id")
                .id("c.id")
                .geometry("c.geom", null)
                .property(queryable("rank", "c.rank", Type.INTEGER, "Order of the choice (1 = first pick)"))
                .property(queryable("label", "c.label", Type.STRING, "Building or point"))
                .property(shown("place_id", "c.place_id", Type.INTEGER, "The vacant building's id in places"))
                .property(queryable("people_gained", "c.people_gained", Type.INTEGER, "People newly served by this pick"))
                .property(queryable("villages_gained", "c.villages_gained", Type.INTEGER, "Villages newly served"))
                .property(shown("people_served_after", "c.people_served_after", Type.INTEGER,
                        "People served once this and the earlier picks are open"))
                .property(queryable("area", "r.area_name", Type.STRING, "The analysed area"))
                .property(queryable("computed_at", "r.computed_at", Type.TIMESTAMP, "When the analysis ran"))
                .provenance("c.source", "c.licence || '; ' || r.licence", "c.attribution || '; ' || r.attribution")
                .layers("planning")
                .order(120)
                .build();
    }
}
