package de.ortsanker.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.area.Areas;
import de.ortsanker.planning.distance.DistanceModel;
import de.ortsanker.planning.distance.Mode;
import de.ortsanker.planning.output.Answer;
import de.ortsanker.planning.output.Format;
import de.ortsanker.planning.rules.Radius;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.sites.CandidateSites;
import de.ortsanker.service.ConditionalResponses;
import de.ortsanker.service.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers for planners: what each village can reach, which villages are underserved and who lives there,
 * and which vacant building could fill the gap. JSON, GeoJSON or CSV for Excel; every answer states its
 * inputs and the data it was computed from.
 */
@RestController
@RequestMapping("/planning")
@Tag(name = "Planning", description = "Reach per village, underserved villages and candidate sites for planners")
public class PlanningController {

    private static final String AREA = "The area: a municipality (8-digit AGS), a district (5 digits) or a Land"
            + " (2 digits). Without ags and bbox, all data is analysed.";
    private static final String BBOX = "The area as a box minLon,minLat,maxLon,maxLat (WGS 84).";
    private static final String MODE = "How distance is measured: straight (default, as the crow flies on the"
            + " WGS 84 ellipsoid). walk, bike and car (along the road network) are planned and answer 400 for now.";
    private static final String FORMAT = "json (default), geojson or csv (UTF-8 with BOM, ';', decimal comma: opens"
            + " in German Excel). Also chosen by the Accept header.";

    private final Planning planning;
    private final Areas areas;
    private final PlanningSettings settings;
    private final Map<Mode, DistanceModel> models;
    private final ConditionalResponses conditional;
    private final ObjectMapper json;

    public PlanningController(Planning planning, Areas areas, PlanningSettings settings, List<DistanceModel> models,
                              ConditionalResponses conditional, ObjectMapper json) {
        this.planning = planning;
        this.areas = areas;
        this.settings = settings;
        this.models = models.stream().collect(Collectors.toMap(DistanceModel::mode, Function.identity()));
        this.conditional = conditional;
        // Planning answers say "none" explicitly (nearest: null, chosen_rank: null) rather than leave keys out.
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    @GetMapping("/reach")
    @Operation(summary = "Reach per village: the nearest place of each kind or group and how many lie within radii",
            description = "For every village and hamlet of the area: the distance in metres to the nearest public,"
                    + " current place of each target, and the number within each radius; summed per municipality and"
                    + " district (mean distance weighted by population, people within each radius).")
    public ResponseEntity<byte[]> reach(
            @Parameter(description = "A kind or group, or several joined by | (any of them counts), e.g. third_place,"
                    + " mitfahrbank|bus_stop, kind:club. Repeatable. Default: ${ortsanker.planning.targets}")
            @RequestParam(name = "target", required = false) List<String> target,
            @Parameter(description = "Radius in metres to count places within (1 … ${ortsanker.planning.max-radius-m})."
                    + " Repeatable. Default: ${ortsanker.planning.radii}")
            @RequestParam(name = "radius", required = false) List<String> radius,
            @Parameter(description = AREA) @RequestParam(required = false) String ags,
            @Parameter(description = BBOX) @RequestParam(required = false) String bbox,
            @Parameter(description = MODE) @RequestParam(required = false) String mode,
            @Parameter(description = "village (default): one row per village; municipality or district: the"
                    + " summaries as the CSV table") @RequestParam(required = false) String per,
            @Parameter(description = FORMAT) @RequestParam(required = false) String f,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        List<Target> targets = distinct((target == null || target.isEmpty() ? settings.targets() : target).stream()
                .map(t -> Target.parse(t, "target")).toList(), Target::label);
        int[] radii = (radius == null || radius.isEmpty() ? settings.radii().stream().map(String::valueOf).toList() : radius)
                .stream().mapToInt(r -> Radius.parse(r, "radius", settings.maxRadiusM())).distinct().sorted().toArray();
        if (radii.length > 10) {
            throw new InvalidParameter("radius", "at most 10 radii");
        }
        return answer(request, "reach", Planning.layers(targets), Format.choose(f, accept), areaLevel(per, f, accept),
                (area, model, level) -> planning.reach(area, model, targets, radii, level), ags, bbox, mode);
    }

    @GetMapping("/underserved")
    @Operation(summary = "Underserved villages, ranked by the people affected, and what they miss",
            description = "A village is underserved when it breaks a rule: no place of the rule's kinds within its"
                    + " radius. Ranked by population (own figure, Zensus grid, or an estimate — the method is stated;"
                    + " villages without any figure are kept and flagged), with summaries per municipality and district."
                    + " The answer is kept as the area's latest result (OGC API Features collection).")
    public ResponseEntity<byte[]> underserved(
            @Parameter(description = "KINDS:METRES — kinds or groups joined by | (any counts) and a radius, e.g."
                    + " third_place:2000 or mitfahrbank|bus_stop:1000. Repeatable. Default: ${ortsanker.planning.rules}")
            @RequestParam(name = "rule", required = false) List<String> rule,
            @Parameter(description = AREA) @RequestParam(required = false) String ags,
            @Parameter(description = BBOX) @RequestParam(required = false) String bbox,
            @Parameter(description = MODE) @RequestParam(required = false) String mode,
            @Parameter(description = "village (default): the ranked villages; municipality or district: the"
                    + " summaries as the CSV table") @RequestParam(required = false) String per,
            @Parameter(description = FORMAT) @RequestParam(required = false) String f,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        List<Rule> rules = distinct((rule == null || rule.isEmpty() ? settings.rules() : rule).stream()
                .map(r -> Rule.parse(r, "rule", settings.maxRadiusM())).toList(), Rule::label);
        return answer(request, "underserved", Planning.layers(rules.stream().map(Rule::target).toList()),
                Format.choose(f, accept), areaLevel(per, f, accept),
                (area, model, level) -> planning.underserved(area, model, rules, level), ags, bbox, mode);
    }

    @GetMapping("/candidates")
    @Operation(summary = "Candidate sites: which vacant building (or given point) would serve the most people now unserved",
            description = "Ranks vacant buildings and given points by the people in villages unserved under the rule"
                    + " that a new place there would reach, and chooses the best n greedily (maximal covering), with"
                    + " coverage before and after. The answer is kept as the area's latest result.")
    public ResponseEntity<byte[]> candidates(
            @Parameter(description = "The offer to site, as KINDS:METRES. Default: ${ortsanker.planning.candidate-rule}")
            @RequestParam(required = false) String rule,
            @Parameter(description = "How many sites to choose (1 … ${ortsanker.planning.max-candidates})."
                    + " Default: ${ortsanker.planning.candidates}") @RequestParam(name = "n", required = false) Integer n,
            @Parameter(description = "A point to consider besides the vacant buildings: lon,lat or lon,lat,label."
                    + " Repeatable.") @RequestParam(name = "candidate", required = false) String[] candidate,
            @Parameter(description = "Whether vacant buildings are candidates (default true)")
            @RequestParam(required = false, defaultValue = "true") boolean vacant,
            @Parameter(description = AREA) @RequestParam(required = false) String ags,
            @Parameter(description = BBOX) @RequestParam(required = false) String bbox,
            @Parameter(description = MODE) @RequestParam(required = false) String mode,
            @Parameter(description = FORMAT) @RequestParam(required = false) String f,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        Rule r = Rule.parse(rule == null ? settings.candidateRule() : rule, "rule", settings.maxRadiusM());
        int count = n == null ? settings.candidates() : n;
        if (count < 1 || count > settings.maxCandidates()) {
            throw new InvalidParameter("n", "must be 1 … " + settings.maxCandidates() + ", got " + count);
        }
        // Each value whole: Spring would split a single "lon,lat,label" at its commas.
        var given = CandidateSites.given(candidate == null ? null : List.of(request.getParameterValues("candidate")));
        if (!vacant && given.isEmpty()) {
            throw new InvalidParameter("candidate", "with vacant=false, give at least one candidate=lon,lat");
        }
        Set<String> layers = Planning.layers(List.of(r.target()));
        layers.add("vacant");
        Format format = Format.choose(f, accept);
        return answer(request, "candidates", layers, format, null,
                (area, model, level) -> planning.candidates(area, model, r, count, vacant, given), ags, bbox, mode);
    }

    @FunctionalInterface
    private interface Analysis {
        Answer run(Area area, DistanceModel model, AreaLevel per);
    }

    private ResponseEntity<byte[]> answer(WebRequest request, String analysis, Set<String> layers,
                                          Format format, AreaLevel per, Analysis work, String ags, String bbox,
                                          String mode) {
        DistanceModel model = model(Mode.parse(mode));
        Area area = areas.resolve(ags, bbox);
        if (conditional.notModified(request, layers, analysis + "-" + format.code() + "-" + variant(request))) {
            return null;
        }
        Answer answer = work.run(area, model, per);
        var response = ResponseEntity.ok().contentType(format.mediaType());
        if (format == Format.CSV) {
            response.header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(answer.name() + ".csv").build().toString());
        }
        return response.body(format.write(answer, json));
    }

    private DistanceModel model(Mode mode) {
        DistanceModel model = models.get(mode);
        if (model == null) {
            throw new InvalidParameter("mode", "'" + mode.code() + "' is not available yet: distances along the road"
                    + " network (walk, bike, car) are planned; use mode=straight");
        }
        return model;
    }

    private static AreaLevel areaLevel(String per, String f, String accept) {
        if (per == null || per.equals("village")) {
            return null;
        }
        AreaLevel level = switch (per) {
            case "municipality" -> AreaLevel.MUNICIPALITY;
            case "district" -> AreaLevel.DISTRICT;
            default -> throw new InvalidParameter("per", "'" + per + "' must be village, municipality or district");
        };
        if (Format.choose(f, accept) != Format.CSV) {
            throw new InvalidParameter("per", "per=" + per + " chooses the CSV table; JSON and GeoJSON always carry"
                    + " the municipality and district summaries");
        }
        return level;
    }

    /** The request's parameters, order-independent, so equal questions share an ETag. */
    private static String variant(WebRequest request) {
        Map<String, String> params = new TreeMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, String.join(",", v)));
        return Integer.toHexString(params.toString().hashCode());
    }

    private static <T> List<T> distinct(List<T> items, Function<T, String> key) {
        Map<String, T> seen = new LinkedHashMap<>();
        items.forEach(i -> seen.putIfAbsent(key.apply(i), i));
        return new ArrayList<>(seen.values());
    }
}
