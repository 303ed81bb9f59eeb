package de.ortsanker.planning;

import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.planning.output.Language;
import de.ortsanker.service.ParameterRecords;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The parameters every planning answer takes, declared once: the area, how distance is measured, which
 * places count besides their kinds (the shared filter language), and the format.
 */
public record Question(
        @Parameter(description = "The area: a municipality (8-digit AGS), a district (5 digits) or a Land (2 digits)."
                + " Without ags and bbox, all data is analysed.") String ags,
        @Parameter(description = "The area as a box minLon,minLat,maxLon,maxLat (WGS 84).") String bbox,
        @Parameter(description = "How distance is measured: straight (default, as the crow flies on the WGS 84"
                + " ellipsoid), walk or bike (along the OpenStreetMap network: metres and minutes of the fastest way;"
                + " /planning/reach then gives no counts within radii), transit (by public transport and on foot"
                + " from the imported GTFS timetable, for journeys leaving home within `window`: minutes of the"
                + " shortest door-to-door journey; 400 naming what is missing when no timetable is imported); car 400"
                + " (planned). Rules in minutes (third_places:walk:20min) carry their own mode.",
                schema = @Schema(allowableValues = {"straight", "walk", "bike", "transit"}))
        String mode,
        @Parameter(name = PlaceFilter.STEP_FREE, description = "Only step-free places count: `yes` (step-free) or"
                + " `limited` (at least partly), as everywhere in the service",
                schema = @Schema(allowableValues = {"yes", "limited"}))
        @BindParam(PlaceFilter.STEP_FREE) String stepFree,
        @Parameter(name = PlaceFilter.FREE_ENTRY, description = "`true`: only places with free entry and no obligation"
                + " to buy count; `false`: only the others", schema = @Schema(allowableValues = {"true", "false"}))
        @BindParam(PlaceFilter.FREE_ENTRY) String freeEntry,
        @Parameter(description = "json (default), geojson or csv (UTF-8 with BOM, ';', decimal comma: opens in German"
                + " Excel). Also chosen by the Accept header.") String f,
        @Parameter(description = "Language of the CSV's headings and words (kinds, methods, \"unbekannt\"): de"
                + " (default) or en. JSON and GeoJSON carry codes.", schema = @Schema(allowableValues = {"de", "en"}))
        String lang,
        @Parameter(description = "When public-transport journeys leave home, for mode=transit and for transit rules"
                + " that state no window of their own: DAY:FROM-TO, days mon … sun or weekday (Monday–Friday), hours"
                + " 0 … 24, e.g. sun:14-18 (Sunday afternoon) or weekday:7:30-9.", example = "sun:14-18")
        String window,
        @Parameter(description = "The service day whose timetable answers transit questions (YYYY-MM-DD): a day of"
                + " the window's kind within the imported timetables' validity. Default: the next such day from"
                + " today on within the validity; the answer states the day it used.", example = "2027-01-10")
        String date) implements ParameterRecords.OfTexts {

    /** The conditions every target of the answer is held to (its kinds come from the targets or rules). */
    PlaceFilter conditions() {
        return PlaceFilter.of(null, stepFree, freeEntry, null, null);
    }

    Language language() {
        return Language.parse(lang);
    }
}
