package de.ortsanker.places;

import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.service.ParameterRecords;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The filter parameters of every place list (nearby, search, within), declared once: the shared filter
 * language and open now / at a time. Values stay text until {@link PlaceFilters#parse} reads them, so a bad
 * one is a 400 naming the parameter. {@code wheelchair} and {@code free} are the old names of
 * {@code step_free} and {@code free_entry}, answered for one release with a {@code Deprecation} header.
 */
public record FilterParameters(
        @Parameter(description = "comma-separated layer ids and kind codes (see /kinds), any of which passes, e.g."
                + " `mitfahrbank,third_places`; a layer id stands for all its kinds") String kinds,
        @Parameter(name = PlaceFilter.STEP_FREE, description = "`yes`: only step-free places; `limited`: at least partly"
                + " step-free", schema = @Schema(allowableValues = {"yes", "limited"}))
        @BindParam(PlaceFilter.STEP_FREE) String stepFree,
        @Parameter(name = PlaceFilter.FREE_ENTRY, description = "`true`: only places with free entry and no obligation"
                + " to buy; `false`: only the others", schema = @Schema(allowableValues = {"true", "false"}))
        @BindParam(PlaceFilter.FREE_ENTRY) String freeEntry,
        @Parameter(name = "open_now", description = "`true`: only places open now (by their opening_hours,"
                + " Europe/Berlin, German public holidays)", schema = @Schema(allowableValues = {"true", "false"}))
        @BindParam("open_now") String openNow,
        @Parameter(name = "open_at", description = "only places open at this time, ISO 8601, e.g. `2026-12-24T18:00`"
                + " (Europe/Berlin) or with an offset") @BindParam("open_at") String openAt,
        @Parameter(description = "deprecated: step_free", deprecated = true, schema = @Schema(allowableValues = {"yes", "limited"}))
        String wheelchair,
        @Parameter(description = "deprecated: free_entry", deprecated = true) String free) implements ParameterRecords.OfTexts {
}
