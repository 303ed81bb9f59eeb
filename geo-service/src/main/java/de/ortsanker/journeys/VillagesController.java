package de.ortsanker.journeys;

import de.ortsanker.problem.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The villages around a place, nearest first: where a citizen without a position may start from. */
@RestController
@Tag(name = "Getting there")
class VillagesController {

    private final EndsLookup ends;
    private final Clock clock = Clock.system(WayController.BERLIN);

    VillagesController(EndsLookup ends) {
        this.ends = ends;
    }

    @GetMapping(path = "/places/{id}/villages", produces = "application/json")
    @Operation(summary = "Villages and towns within 25 km of a place, nearest first",
            description = "Each with its id (the `village` of `/places/{id}/way` and `/places/{id}/departures`), name,"
                    + " kind, straight-line distance and position.")
    List<EndsLookup.Village> villages(@Parameter(description = "the place's id") @PathVariable String id,
                                      @Parameter(description = "1 … 100") @RequestParam(defaultValue = "40") String limit) {
        int n;
        try {
            n = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 100) {
            throw new InvalidParameter("limit", "'" + limit + "' must be a whole number 1 … 100");
        }
        return ends.villagesAround(id, n, LocalDate.now(clock));
    }
}
