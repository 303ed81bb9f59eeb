package de.ortsanker.planning;

import de.ortsanker.accounts.Action;
import de.ortsanker.accounts.Actor;
import de.ortsanker.accounts.Audit;
import de.ortsanker.accounts.Permissions;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.filter.Deprecation;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.answers.CandidatesAnswer;
import de.ortsanker.planning.answers.CoverageAnswer;
import de.ortsanker.planning.answers.RidesAnswer;
import de.ortsanker.planning.answers.ReachAnswer;
import de.ortsanker.planning.answers.UnderservedAnswer;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.area.Areas;
import de.ortsanker.planning.distance.DistanceModel;
import de.ortsanker.planning.distance.Mode;
import de.ortsanker.planning.distance.ByTransit;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.distance.StraightLine;
import de.ortsanker.planning.distance.TransitTimes;
import de.ortsanker.planning.output.Answer;
import de.ortsanker.planning.output.Format;
import de.ortsanker.planning.output.Language;
import de.ortsanker.planning.results.Publications;
import de.ortsanker.planning.rules.Radius;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.rules.TimeWindow;
import de.ortsanker.planning.timetable.Timetables;
import de.ortsanker.planning.sites.CandidateSites;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.Networks;
import de.ortsanker.service.ConditionalResponses;
import de.ortsanker.vocabulary.Group;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Answers for planners: what each village can reach, which villages are underserved and who lives there,
 * and which vacant building could fill the gap. JSON, GeoJSON or CSV for Excel; every answer states its
 * inputs and the data it was computed from. A GET computes and answers, and changes nothing; a POST of the
 * same question also publishes the answer for the county portal (the county administrator's, asked of
 * {@link Permissions}).
 */
@RestController
@RequestMapping("/planning")
@Tag(name = "Planning", description = "Reach per village, underserved villages and candidate sites for planners")
public class PlanningController {

    private final Planning planning;
    private final Areas areas;
    private final PlanningSettings settings;
    private final Map<Mode, DistanceModel> models;
    private final Publications publications;
    private final ConditionalResponses conditional;
    private final ObjectMapper json;
    private final Permissions permissions;
    private final Audit audit;
    private final Timetables timetables;
    private final TransitTimes transitTimes;
    private final StraightLine names;
    private final Networks networks;

    public PlanningController(Planning planning, Areas areas, PlanningSettings settings, List<DistanceModel> models,
                              Publications publications, ConditionalResponses conditional, ObjectMapper json,
                              Permissions permissions, Audit audit, Timetables timetables, TransitTimes transitTimes,
                              StraightLine names, Networks networks) {
        this.timetables = timetables;
        this.transitTimes = transitTimes;
        this.names = names;
        this.networks = networks;
        this.permissions = permissions;
        this.audit = audit;
        this.planning = planning;
        this.areas = areas;
        this.settings = settings;
        this.models = models.stream().collect(Collectors.toMap(DistanceModel::mode, Function.identity()));
        this.publications = publications;
        this.conditional = conditional;
        // Planning answers say "none" explicitly (nearest: null, chosen_rank: null) rather than leave keys out.
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    @GetMapping("/reach")
    @Operation(summary = "Reach per village: the nearest place of each layer or kind and how many lie within radii",
            description = "For every village and hamlet of the area: the distance in metres to the nearest public,"
                    + " current place of each target, and the number within each radius; summed per municipality and"
                    + " district (mean distance weighted by population, people within each radius).")
    @ApiResponse(responseCode = "200", description = ANSWER, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = ReachAnswer.class)))
    public ResponseEntity<byte[]> reach(
            @Parameter(description = "A layer or kind, or several joined by | (any of them counts), e.g. third_places,"
                    + " mitfahrbank|bus_stop, kind:club. Repeatable. Default: ${ortsanker.planning.targets}")
            @RequestParam(name = "target", required = false) List<String> target,
            @Parameter(description = "Radius in metres to count places within (1 … ${ortsanker.planning.max-radius-m})."
                    + " Repeatable. Default: ${ortsanker.planning.radii}")
            @RequestParam(name = "radius", required = false) List<String> radius,
            @ParameterObject Question question,
            @Parameter(description = "village (default): one row per village; municipality or district: the"
                    + " summaries as the CSV table") @RequestParam(required = false) String per,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        var conditions = question.conditions();
        List<Target> targets = distinct((target == null || target.isEmpty() ? settings.targets() : target).stream()
                .map(t -> Target.parse(t, conditions, "target")).toList(), Target::label);
        // Along the network (and by transit) each target is one search for the nearest place: no default radii.
        Mode mode = Mode.parse(question.mode());
        boolean alongNetwork = mode.travelMode() != null || mode == Mode.TRANSIT;
        int[] radii = (radius == null || radius.isEmpty()
                ? (alongNetwork ? List.<String>of() : settings.radii().stream().map(String::valueOf).toList()) : radius)
                .stream().mapToInt(r -> Radius.parse(r, "radius", settings.maxRadiusM())).distinct().sorted().toArray();
        if (radii.length > 10) {
            throw new InvalidParameter("radius", "at most 10 radii");
        }
        Format format = Format.choose(question.f(), accept);
        AreaLevel level = areaLevel(per, format);
        Set<String> layers = Planning.layers(targets);
        if (mode == Mode.TRANSIT) {
            layers.add(Planning.TIMETABLES);
        }
        return answer(request, "reach", layers, format, level, question, targets, List.of(),
                (area, model) -> new Planning.Answered(planning.reach(area, model, targets, radii, level), null));
    }

    @GetMapping("/underserved")
    @Operation(summary = "Underserved villages, ranked by the people affected, and what they miss",
            description = "A village is underserved when it breaks a rule: no place of the rule's layers or kinds"
                    + " within its radius. Ranked by population (the village's own figure, else its share of the"
                    + " municipality's official figure by Zensus grid, addresses or kind of settlement — the method and"
                    + " its uncertainty are stated; villages without any figure are kept and flagged), with summaries per municipality"
                    + " and district. Computes and answers; changes nothing (POST publishes).")
    @ApiResponse(responseCode = "200", description = ANSWER, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = UnderservedAnswer.class)))
    public ResponseEntity<byte[]> underserved(
            @Parameter(description = RULE) @RequestParam(name = "rule", required = false) List<String> rule,
            @ParameterObject Question question,
            @Parameter(description = "village (default): the ranked villages; municipality or district: the"
                    + " summaries as the CSV table") @RequestParam(required = false) String per,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        List<Rule> rules = rules(rule, question);
        Format format = Format.choose(question.f(), accept);
        AreaLevel level = areaLevel(per, format);
        return answer(request, "underserved", Planning.layersOfRules(rules), format,
                level, question, rules.stream().map(Rule::target).toList(), rules,
                (area, model) -> planning.underserved(area, model, rules, false));
    }

    @GetMapping("/coverage")
    @Operation(summary = "Share of people within each rule: per municipality and district, and per village",
            description = "For each rule (the syntax of /planning/underserved: KINDS:METRES in a straight line or as"
                    + " `mode` says, KINDS:MODE:MINUTESmin along the network) the villages and people whose nearest"
                    + " place of the rule's kinds lies within its radius or minutes, and their share of the people,"
                    + " per municipality, per district and in total; each village once (V63), its population as the"
                    + " villages layer shows it (V68), the areas' official figures beside (V92). One search per rule"
                    + " from all places of its kinds, never a route per pair. Computes and answers; changes nothing.")
    @ApiResponse(responseCode = "200", description = ANSWER, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = CoverageAnswer.class)))
    public ResponseEntity<byte[]> coverage(
            @Parameter(description = RULE) @RequestParam(name = "rule", required = false) List<String> rule,
            @ParameterObject Question question,
            @Parameter(description = "municipality (default for CSV): the shares per municipality; district: per"
                    + " district; village: a row per village with its minutes and metres per rule (CSV only; JSON"
                    + " and GeoJSON always carry all three)") @RequestParam(required = false) String per,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        List<Rule> rules = rules(rule, question);
        Format format = Format.choose(question.f(), accept);
        // The shares are the point of this answer: its table is per municipality unless asked otherwise.
        AreaLevel level = format == Format.CSV && per == null ? AreaLevel.MUNICIPALITY : areaLevel(per, format);
        return answer(request, "coverage", Planning.layersOfRules(rules), format,
                level, question, rules.stream().map(Rule::target).toList(), rules,
                (area, model) -> new Planning.Answered(planning.coverage(area, model, rules, level == null), null));
    }

    @GetMapping("/mitfahrbank")
    @Operation(summary = "What each Mitfahrbank connects: villages and places a ride reaches, and each village's nearest bench on foot",
            description = "For each Mitfahrbank of the area: the villages (with their minutes and people) and the places of"
                    + " each target a ride reaches within `minutes` by car along the roads (one search from each bench,"
                    + " GraphHopper's car profile); for each village: its nearest bench on foot (minutes and metres along"
                    + " the walking network, as /planning/reach?mode=walk&target=mitfahrbank). Needs the road network"
                    + " (ortsanker.routing.extracts); 400 naming what is missing otherwise. The CSV has a row per bench.")
    @ApiResponse(responseCode = "200", description = ANSWER, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RidesAnswer.class)))
    public ResponseEntity<byte[]> mitfahrbank(
            @Parameter(description = "The longest ride in minutes by car, 1 … 60. Default 15")
            @RequestParam(name = "minutes", required = false) String minutes,
            @Parameter(description = "Where rides start: a layer or kinds joined by |. Default mitfahrbank")
            @RequestParam(name = "bench", required = false) String bench,
            @Parameter(description = "Places to count at the rides' ends, as for /planning/reach. Repeatable."
                    + " Default: ${ortsanker.planning.targets}")
            @RequestParam(name = "target", required = false) List<String> target,
            @ParameterObject Question question,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        var conditions = question.conditions();
        int ride = rideMinutes(minutes);
        Target benches = Target.parse(bench == null ? "mitfahrbank" : bench, conditions, "bench");
        List<Target> targets = distinct((target == null || target.isEmpty() ? settings.targets() : target).stream()
                .map(t -> Target.parse(t, conditions, "target")).toList(), Target::label);
        if (question.mode() != null && !question.mode().isBlank() && !question.mode().equals("walk")) {
            throw new InvalidParameter("mode", "the way to the bench is on foot and the ride by car; leave mode out");
        }
        List<Target> all = new ArrayList<>(targets);
        all.add(benches);
        Format format = Format.choose(question.f(), accept);
        DistanceModel walking = models.get(Mode.WALK);
        Area area = area(question);
        deprecations(all, request);
        if (conditional.notModified(request, Planning.layers(all), "mitfahrbank-" + format.code() + "-" + variant(request)
                + "-g" + networks.version())) {
            return null;
        }
        return write(ResponseEntity.ok(), format, null, area, question.language(),
                planning.rides(area, walking, benches, targets, ride));
    }

    private static int rideMinutes(String minutes) {
        if (minutes == null || minutes.isBlank()) {
            return 15;
        }
        if (!minutes.trim().matches("\\d{1,4}")) {
            throw new InvalidParameter("minutes", "'" + minutes + "' is not a whole number of minutes (1 … "
                    + de.ortsanker.planning.distance.Rides.MAX_MINUTES + ")");
        }
        int m = Integer.parseInt(minutes.trim());
        if (m < 1 || m > de.ortsanker.planning.distance.Rides.MAX_MINUTES) {
            throw new InvalidParameter("minutes", "must be 1 … " + de.ortsanker.planning.distance.Rides.MAX_MINUTES
                    + ", got " + m);
        }
        return m;
    }

    @PostMapping("/underserved")
    @Operation(summary = "Publishes the underserved villages for the county portal",
            description = "Computes the same answer as the GET and publishes it as the area's current result in the"
                    + " OGC API Features collection planning_underserved, with its date, rules and area; the area's"
                    + " previous publication is kept but no longer shown. 201 with the answer and a Location of the"
                    + " published features. County administrators only (a session with CSRF token, or"
                    + " 'Authorization: Bearer' with a token of scope publish): 401 without authentication, 403"
                    + " without the role.")
    @ApiResponse(responseCode = "201", description = PUBLISHED, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = UnderservedAnswer.class)))
    public ResponseEntity<byte[]> publishUnderserved(
            @Parameter(description = RULE) @RequestParam(name = "rule", required = false) List<String> rule,
            @ParameterObject Question question,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        var actor = requirePublishing();
        List<Rule> rules = rules(rule, question);
        deprecations(rules.stream().map(Rule::target).toList(), request);
        Format format = Format.choose(question.f(), accept);
        Area area = area(question);
        return published(actor, "planning_underserved", format, area, question.language(),
                planning.underserved(area, model(question), rules, true));
    }

    @GetMapping("/candidates")
    @Operation(summary = "Candidate sites: which vacant building (or given point) would serve the most people now unserved",
            description = "Ranks vacant buildings and given points by the people in villages unserved under the rule"
                    + " that a new place there would reach, and chooses the best n greedily (maximal covering), with"
                    + " coverage before and after. Computes and answers; changes nothing (POST publishes).")
    @ApiResponse(responseCode = "200", description = ANSWER, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = CandidatesAnswer.class)))
    public ResponseEntity<byte[]> candidates(
            @Parameter(description = CANDIDATE_RULE) @RequestParam(required = false) String rule,
            @Parameter(description = "How many sites to choose (1 … ${ortsanker.planning.max-candidates})."
                    + " Default: ${ortsanker.planning.candidates}") @RequestParam(name = "n", required = false) Integer n,
            @Parameter(description = "A point to consider besides the vacant buildings: lon,lat or lon,lat,label."
                    + " Repeatable.") @RequestParam(name = "candidate", required = false) String[] candidate,
            @Parameter(description = "Whether vacant buildings are candidates (default true)")
            @RequestParam(required = false, defaultValue = "true") boolean vacant,
            @ParameterObject Question question,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        var c = candidateQuestion(rule, n, vacant, question, request);
        Set<String> layers = Planning.layers(List.of(c.rule().target()));
        layers.add(Group.VACANT.code());
        return answer(request, "candidates", layers, Format.choose(question.f(), accept), null, question,
                List.of(c.rule().target()), List.of(),
                (area, model) -> planning.candidates(area, model, c.rule(), c.n(), vacant, c.given(), false));
    }

    @PostMapping("/candidates")
    @Operation(summary = "Publishes the candidate sites for the county portal",
            description = "Computes the same answer as the GET and publishes the chosen sites as the area's current"
                    + " result in the OGC API Features collection planning_candidates (see POST /planning/underserved)."
                    + " County administrators only: 401 without authentication, 403 without the role.")
    @ApiResponse(responseCode = "201", description = PUBLISHED, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = CandidatesAnswer.class)))
    public ResponseEntity<byte[]> publishCandidates(
            @Parameter(description = CANDIDATE_RULE) @RequestParam(required = false) String rule,
            @RequestParam(name = "n", required = false) Integer n,
            @RequestParam(name = "candidate", required = false) String[] candidate,
            @RequestParam(required = false, defaultValue = "true") boolean vacant,
            @ParameterObject Question question,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, WebRequest request) {
        var actor = requirePublishing();
        var c = candidateQuestion(rule, n, vacant, question, request);
        deprecations(List.of(c.rule().target()), request);
        Format format = Format.choose(question.f(), accept);
        Area area = area(question);
        return published(actor, "planning_candidates", format, area, question.language(),
                planning.candidates(area, model(question), c.rule(), c.n(), vacant, c.given(), true));
    }

    @GetMapping(path = "/publications", produces = "application/json")
    @Operation(summary = "The published planning answers, newest first",
            description = "Each publication with its analysis, area, rules, date, whether a newer one for the same"
                    + " analysis and area has taken its place, and how many features it holds.")
    public Map<String, List<Publications.Run>> publications(
            @Parameter(description = "how many (default 100, at most 1000)") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidParameter("limit", "must be 1 … 1000, got " + limit);
        }
        return Map.of("publications", publications.list(limit));
    }

    // The JSON schema of each answer; PlanningApiDocumentation adds its GeoJSON and CSV.
    private static final String JSON = "application/json";
    private static final String ANSWER = "The answer with its inputs and provenance (sources, licences, attributions,"
            + " import dates).";
    private static final String PUBLISHED = "Published: the answer, and at Location the published features.";
    private static final String RULE = "KINDS:METRES or KINDS:MODE:MINUTESmin — layers or kinds joined by | (any"
            + " counts) and either a radius in metres (measured as `mode` says; a straight line by default), e.g."
            + " third_places:2000 or mitfahrbank|bus_stop:1000, or a travel time along the OpenStreetMap network on foot"
            + " (walk) or by bike (bike), 1 … 180 minutes, e.g. third_places:walk:20min or third_places:bike:15min,"
            + " or by public transport and on foot for journeys leaving home within a time window: KINDS:transit:"
            + "MINUTESmin@DAY:FROM-TO, e.g. third_places:transit:30min@sun:14-18 (without @…, the request's `window`)."
            + " A transit rule is answered on the request's `date`, else the next day of the window's kind within the"
            + " imported timetables' validity; 400 when no timetable is imported. Repeatable; rules of all forms mix."
            + " Default: ${ortsanker.planning.rules}";
    private static final String CANDIDATE_RULE = "The offer to site, as KINDS:METRES. Default:"
            + " ${ortsanker.planning.candidate-rule}";

    private List<Rule> rules(List<String> rule, Question question) {
        var conditions = question.conditions();
        List<String> texts = rule == null || rule.isEmpty() ? settings.rules() : rule;
        // Without a timetable, that is what a transit question lacks first (before its window or rules).
        if (Mode.parse(question.mode()) == Mode.TRANSIT) {
            timetables.requireFeed("mode");
        } else if (texts.stream().anyMatch(Rule::looksLikeTransit)) {
            timetables.requireFeed("rule");
        }
        TimeWindow window = window(question);
        List<Rule> rules = distinct(texts.stream()
                .map(r -> Rule.parse(r, conditions, "rule", settings.maxRadiusM(), window)).toList(), Rule::label);
        if (Mode.parse(question.mode()) == Mode.TRANSIT) {
            rules.stream().filter(r -> !r.timed()).findFirst().ifPresent(r -> {
                throw new InvalidParameter("rule", "'" + r.label() + "': with mode=transit a rule is a time, e.g. "
                        + r.target().label() + ":transit:30min; a radius in metres is measured in a straight line"
                        + " (mode=straight)");
            });
        }
        // Transit rules are answered on a service day: the request's date, else the next day of their kind.
        return rules.stream().map(r -> r.transit() ? r.on(timetables.day(r.window(), question.date(), "rule").date()) : r)
                .toList();
    }

    /** The request's time window (null when it gives none). */
    private static TimeWindow window(Question question) {
        return question.window() == null || question.window().isBlank() ? null
                : TimeWindow.parse(question.window(), "window");
    }

    private record CandidateQuestion(Rule rule, int n, List<Site> given) {
    }

    private CandidateQuestion candidateQuestion(String rule, Integer n, boolean vacant, Question question,
                                                WebRequest request) {
        Rule r = Rule.parse(rule == null ? settings.candidateRule() : rule, question.conditions(), "rule",
                settings.maxRadiusM());
        int count = n == null ? settings.candidates() : n;
        if (count < 1 || count > settings.maxCandidates()) {
            throw new InvalidParameter("n", "must be 1 … " + settings.maxCandidates() + ", got " + count);
        }
        // Each value whole: Spring would split a single "lon,lat,label" at its commas.
        String[] values = request.getParameterValues("candidate");
        var given = CandidateSites.given(values == null ? null : List.of(values));
        if (!vacant && given.isEmpty()) {
            throw new InvalidParameter("candidate", "with vacant=false, give at least one candidate=lon,lat");
        }
        return new CandidateQuestion(r, count, given);
    }

    @FunctionalInterface
    private interface Analysis {
        Planning.Answered run(Area area, DistanceModel model);
    }

    private ResponseEntity<byte[]> answer(WebRequest request, String analysis, Set<String> layers, Format format,
                                          AreaLevel per, Question question, List<Target> targets, List<Rule> rules,
                                          Analysis work) {
        DistanceModel model = model(question);
        Area area = area(question);
        deprecations(targets, request);
        // The day a transit question was answered on is chosen, not asked: it shapes the answer too.
        var days = new java.util.TreeSet<String>();
        rules.stream().filter(Rule::transit).forEach(r -> days.add(r.window().date().toString()));
        if (model instanceof ByTransit t) {
            days.add(t.window().date().toString());
        }
        // The routing graphs and timetables are data too: a rebuilt network or a re-read timetable changes answers
        // in minutes without any layer's version.
        String variant = analysis + "-" + format.code() + "-" + variant(request)
                + (days.isEmpty() ? "" : "-" + String.join(",", days)) + routingData(model, rules);
        if (conditional.notModified(request, layers, variant)) {
            return null;
        }
        Language language = question.language();
        return write(ResponseEntity.ok(), format, per, area, language, work.run(area, model).answer());
    }

    /**
     * The routing data an answer was computed on, for its ETag: the networks' version, and by transit the
     * version of the timetables answering (which lags the data version while they are read again).
     */
    private String routingData(DistanceModel model, List<Rule> rules) {
        boolean transit = model.mode() == Mode.TRANSIT || rules.stream().anyMatch(Rule::transit);
        return "-g" + networks.version() + (transit ? "-t" + timetables.answeringVersion() : "");
    }

    /** 201 with the answer and where the published features are. */
    private ResponseEntity<byte[]> published(Actor actor, String collection, Format format, Area area,
                                             Language language, Planning.Answered answered) {
        audit.record("planning-published", actor.login(), collection, Map.of("run", answered.run(), "area", area.key(),
                "via", actor.via()));
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/collections/{collection}/items").queryParam("run", answered.run())
                .buildAndExpand(collection).toUri();
        return write(ResponseEntity.created(location), format, null, area, language, answered.answer());
    }

    private ResponseEntity<byte[]> write(ResponseEntity.BodyBuilder response, Format format, AreaLevel per, Area area,
                                         Language language, Answer answer) {
        response.contentType(format.mediaType());
        if (format == Format.CSV) {
            String name = answer.analysis() + "-" + area.key().replaceAll("[^0-9A-Za-z.]+", "_") + ".csv";
            response.header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name).build().toString());
        }
        return response.body(format.write(answer, per, json, language));
    }

    /** Publishing replaces the county's current results: the county administrator's (401/403 otherwise). */
    private Actor requirePublishing() {
        return permissions.check(Action.PUBLISH_PLANNING);
    }

    /** Old layer codes in targets work for one release: the answer says they are deprecated. */
    private static void deprecations(List<Target> targets, WebRequest request) {
        if (targets.stream().anyMatch(t -> !t.places().deprecated().isEmpty())
                && request instanceof ServletWebRequest web && web.getResponse() != null) {
            web.getResponse().setHeader(Deprecation.HEADER, Deprecation.VALUE);
        }
    }

    private Area area(Question question) {
        return areas.resolve(question.ags(), question.bbox());
    }

    private DistanceModel model(Question question) {
        Mode mode = Mode.parse(question.mode());
        DistanceModel model = models.get(mode);
        if (mode == Mode.TRANSIT) {
            timetables.requireFeed("mode");
            TimeWindow window = window(question);
            if (window == null) {
                throw new InvalidParameter("window", "mode=transit needs a time window for the journeys: e.g."
                        + " window=sun:14-18 or window=weekday:7-9");
            }
            return new ByTransit(transitTimes, names, timetables.day(window, question.date(), "mode"));
        }
        if (model == null) {
            throw new InvalidParameter("mode", "'" + mode.code() + "' is not available: distances by car are planned;"
                    + " use straight, walk or bike");
        }
        return model;
    }

    private static AreaLevel areaLevel(String per, Format format) {
        if (per == null || per.equals("village")) {
            return null;
        }
        AreaLevel level = switch (per) {
            case "municipality" -> AreaLevel.MUNICIPALITY;
            case "district" -> AreaLevel.DISTRICT;
            default -> throw new InvalidParameter("per", "'" + per + "' must be village, municipality or district");
        };
        if (format != Format.CSV) {
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
