package de.ortsanker.journeys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the citizen's "getting there without a car" is answered ({@code ortsanker.journeys} in application.yml).
 *
 * @param plannerUrl    the regional journey planner's address for a whole trip, with placeholders (see
 *                      {@link PlannerLink}); empty: bbnavi, Brandenburg's planner
 * @param plannerName   its name as a link shows it
 * @param startReachM   stops farther than this from the start are not offered (metres, straight line)
 * @param placeReachM   a trip counts as going to the place when it stops this close to it (metres)
 */
@ConfigurationProperties("ortsanker.journeys")
record JourneySettings(String plannerUrl, String plannerName, Integer startReachM, Integer placeReachM) {

    JourneySettings {
        plannerUrl = plannerUrl == null || plannerUrl.isBlank() ? PlannerLink.BBNAVI : plannerUrl.trim();
        plannerName = plannerName == null || plannerName.isBlank() ? "bbnavi" : plannerName.trim();
        startReachM = startReachM == null ? 1500 : startReachM;
        placeReachM = placeReachM == null ? 1000 : placeReachM;
    }
}
