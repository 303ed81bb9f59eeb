package de.ortsanker.journeys;

import de.ortsanker.routing.Point;

/**
 * Where a journey starts (the user's position or a village) and the place it goes to.
 *
 * @param startName  the village's name, or null for a position
 * @param villageId  the village started from, or null
 */
record Ends(long placeId, String placeName, Point place, Point start, String startName, Long villageId) {
}
