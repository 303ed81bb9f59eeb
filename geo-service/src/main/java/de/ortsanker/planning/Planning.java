package de.ortsanker.planning;

import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.Coverage;
import de.ortsanker.planning.analysis.Covering;
import de.ortsanker.planning.answers.CoverageAnswer;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.answers.CandidatesAnswer;
import de.ortsanker.planning.answers.CandidatesAnswer.CandidatesInputs;
import de.ortsanker.planning.answers.Inputs;
import de.ortsanker.planning.answers.Inputs.RuleInput;
import de.ortsanker.planning.answers.Inputs.TargetInput;
import de.ortsanker.planning.answers.ReachAnswer;
import de.ortsanker.planning.answers.ReachAnswer.ReachInputs;
import de.ortsanker.planning.answers.UnderservedAnswer;
import de.ortsanker.planning.answers.UnderservedAnswer.UnderservedInputs;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.distance.DistanceModel;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.distance.TransitTimes;
import de.ortsanker.planning.distance.TravelTimes;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.TravelMode;
import de.ortsanker.planning.output.Answer;
import de.ortsanker.planning.provenance.Provenance;
import de.ortsanker.planning.provenance.Provenances;
import de.ortsanker.planning.results.Publications;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.sites.CandidateSites;
import de.ortsanker.planning.villages.Envelope;
import de.ortsanker.planning.villages.Villages;
import de.ortsanker.problem.NotFound;
import de.ortsanker.vocabulary.Group;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three planning answers — reach, underserved villages, candidate sites — each computed in one
 * transaction (one consistent snapshot of the data, a longer statement timeout than the service's
 * default), with its inputs and provenance stated. Computing changes nothing; the latter two are
 * published as the area's current results only when asked to ({@link Publications}).
 */
@Service
public class Planning {

    private static final Logger log = LoggerFactory.getLogger(Planning.class);

    private final PlanningSettings settings;
    private final Villages villages;
    private final Provenances provenances;
    private final CandidateSites sites;
    private final Publications publications;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TravelTimes travelTimes;
    private final TransitTimes transitTimes;

    public Planning(PlanningSettings settings, Villages villages, Provenances provenances, CandidateSites sites,
                    Publications publications, JdbcTemplate jdbc, TransactionTemplate transaction,
                    TravelTimes travelTimes, TransitTimes transitTimes) {
        this.travelTimes = travelTimes;
        this.transitTimes = transitTimes;
        this.settings = settings;
        this.villages = villages;
        this.provenances = provenances;
        this.sites = sites;
        this.publications = publications;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** An answer, and the publication it was stored as (null when it was only computed). */
    public record Answered(Answer answer, Long run) {
    }

    /** The data layers an answer about these targets depends on (for data versions and ETags); mutable. */
    public static Set<String> layers(List<Target> targets) {
        Set<String> layers = new HashSet<>(Set.of("localities", "admin_areas", "population_cells"));
        targets.forEach(t -> layers.addAll(t.layers()));
        return layers;
    }

    /** The same for rules: a transit rule also depends on the timetables. */
    public static Set<String> layersOfRules(List<Rule> rules) {
        Set<String> layers = layers(rules.stream().map(Rule::target).toList());
        if (rules.stream().anyMatch(Rule::transit)) {
            layers.add(TIMETABLES);
        }
        return layers;
    }

    /** The data version of the imported timetables (V93). */
    public static final String TIMETABLES = "timetables";

    /** @param per the table per municipality or district is wanted (CSV only): the places need no names */
    public ReachAnswer reach(Area area, DistanceModel model, List<Target> targets, int[] radii, AreaLevel per) {
        return inTransaction(() -> {
            var loaded = load(area);
            var vs = loaded.villages();
            Reach reach = model.reach(area, vs, targets, radii);
            if (per == null) {
                model.nameNearest(reach, v -> true);
            }
            Provenance provenance = provenances.of(List.of(Target.placesOfAll(targets, k -> true)), reach.searchedBox(), vs,
                    loaded.cells(), layers(targets));
            var inputs = new ReachInputs(inputs(area, model, targets.get(0).places()),
                    targets.stream().map(TargetInput::of).toList(), IntStream.of(radii).boxed().toList());
            return ReachAnswer.of(inputs, vs, reach, provenance);
        });
    }

    public Answered underserved(Area area, DistanceModel model, List<Rule> rules, boolean publish) {
        return inTransaction(() -> {
            var loaded = load(area);
            var vs = loaded.villages();
            List<Target> targets = rules.stream().map(Rule::target).toList();
            Reach reach = reachOf(area, vs, model, rules);
            // Only the places an underserved village misses are named in the answer.
            model.nameNearest(reach, v -> IntStream.range(0, rules.size())
                    .anyMatch(r -> Underserved.misses(rules.get(r), reach.nearest(r, v))));
            var result = Underserved.evaluate(vs, rules, reach);
            Provenance provenance = provenances.of(List.of(Target.placesOfAll(targets, k -> true)), reach.searchedBox(), vs,
                    loaded.cells(), layers(targets));
            var inputs = new UnderservedInputs(inputs(area, model, targets.get(0).places()),
                    rules.stream().map(RuleInput::of).toList());
            Long run = publish ? publications.underserved(area, inputs, provenance, result) : null;
            return new Answered(UnderservedAnswer.of(inputs, result, provenance), run);
        });
    }

    /** The share of people within each rule's threshold per municipality and district (computes, publishes nothing). */
    public CoverageAnswer coverage(Area area, DistanceModel model, List<Rule> rules, boolean nameNearest) {
        return inTransaction(() -> {
            var loaded = load(area);
            var vs = loaded.villages();
            List<Target> targets = rules.stream().map(Rule::target).toList();
            Reach reach = reachOf(area, vs, model, rules);
            if (nameNearest) {
                model.nameNearest(reach, v -> true);
            }
            var result = Coverage.evaluate(vs, rules, reach);
            Provenance provenance = provenances.of(List.of(Target.placesOfAll(targets, k -> true)), reach.searchedBox(), vs,
                    loaded.cells(), layers(targets));
            var inputs = new UnderservedInputs(inputs(area, model, targets.get(0).places()),
                    rules.stream().map(RuleInput::of).toList());
            return CoverageAnswer.of(inputs, result, reach, provenance);
        });
    }

    public Answered candidates(Area area, DistanceModel model, Rule rule, int n, boolean vacant, List<Site> given,
                               boolean publish) {
        if (rule.timed()) {
            throw new InvalidParameter("rule", "'" + rule.label() + "': candidate sites are judged by a radius in metres"
                    + " for now, e.g. third_places:2000");
        }
        return inTransaction(() -> {
            var loaded = load(area);
            var vs = loaded.villages();
            Reach reach = model.reach(area, vs, List.of(rule.target()), new int[0]);
            boolean[] served = new boolean[vs.size()];
            for (int v = 0; v < vs.size(); v++) {
                served[v] = !Underserved.misses(rule, reach.nearest(0, v));
            }
            List<Site> candidates = new ArrayList<>(given);
            if (vacant) {
                // A building just outside the area can serve the area's villages too.
                candidates.addAll(sites.vacantBuildings(area.isEverything() ? null
                        : Envelope.of(vs).expandedBy(rule.radiusM()).toArray()));
            }
            int[][] reached = model.reachedFrom(candidates, vs, rule.radiusM());
            var result = Covering.choose(vs, served, candidates, reached, n);
            Set<String> layers = layers(List.of(rule.target()));
            layers.add(Group.VACANT.code());
            Provenance provenance = provenances.of(List.of(rule.target().places(), CandidateSites.VACANT_BUILDINGS),
                    reach.searchedBox(), vs, loaded.cells(), layers);
            var inputs = new CandidatesInputs(inputs(area, model, rule.target().places()), RuleInput.of(rule), n, vacant,
                    given.size());
            Long run = publish ? publications.candidates(area, inputs, provenance, result) : null;
            return new Answered(CandidatesAnswer.of(inputs, result, settings.listLimit(), provenance), run);
        });
    }

    /**
     * The nearest place for each rule: rules in metres as the request's model measures, rules in minutes
     * along the network of their own mode — one search per target and mode.
     */
    private Reach reachOf(Area area, List<Village> vs, DistanceModel model, List<Rule> rules) {
        List<Target> targets = rules.stream().map(Rule::target).toList();
        Reach combined = null;
        List<Integer> inMetres = IntStream.range(0, rules.size()).filter(r -> !rules.get(r).timed()).boxed().toList();
        if (!inMetres.isEmpty()) {
            Reach part = model.reach(area, vs, inMetres.stream().map(targets::get).toList(), new int[0]);
            combined = new Reach(targets, new int[0], vs.size(), part.searchedBox());
            for (int i = 0; i < inMetres.size(); i++) {
                combined.copyNearest(inMetres.get(i), part, i);
            }
        }
        for (TravelMode mode : TravelMode.values()) {
            List<Integer> timed = IntStream.range(0, rules.size()).filter(r -> rules.get(r).mode() == mode).boxed().toList();
            if (timed.isEmpty()) {
                continue;
            }
            Reach part = travelTimes.reach(vs, timed.stream().map(targets::get).toList(), mode, "rule");
            if (combined == null) {
                combined = new Reach(targets, new int[0], vs.size(), part.searchedBox());
            }
            for (int i = 0; i < timed.size(); i++) {
                combined.copyNearest(timed.get(i), part, i);
            }
        }
        // Transit: one set of searches per window and day.
        var windows = new java.util.LinkedHashMap<String, List<Integer>>();
        IntStream.range(0, rules.size()).filter(r -> rules.get(r).transit()).forEach(r ->
                windows.computeIfAbsent(rules.get(r).window().label() + "@" + rules.get(r).window().date(),
                        k -> new ArrayList<>()).add(r));
        for (List<Integer> same : windows.values()) {
            Reach part = transitTimes.reach(vs, same.stream().map(targets::get).toList(),
                    rules.get(same.get(0)).window(), "rule");
            if (combined == null) {
                combined = new Reach(targets, new int[0], vs.size(), part.searchedBox());
            }
            for (int i = 0; i < same.size(); i++) {
                combined.copyNearest(same.get(i), part, i);
            }
        }
        return combined;
    }

    private Villages.Loaded load(Area area) {
        long start = System.nanoTime();
        var loaded = villages.load(area, settings.settlements(), settings.zensusMaxDistanceM());
        log.info("planning {}: {} villages loaded in {} ms", area.key(), loaded.villages().size(), millis(start));
        if (loaded.villages().isEmpty()) {
            throw new NotFound("there is nothing to analyse: no " + String.join(" or ", settings.settlements())
                    + " lies in " + area.name() + " (" + area.parameter() + ")");
        }
        return loaded;
    }

    private Inputs inputs(Area area, DistanceModel model, PlaceFilter conditions) {
        return Inputs.of(area, model, conditions, settings.settlements(), settings.zensusMaxDistanceM());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private <T> T inTransaction(Supplier<T> work) {
        long start = System.nanoTime();
        T result = transaction.execute(status -> {
            jdbc.queryForObject("select set_config('statement_timeout', ?, true)", String.class,
                    settings.statementTimeout().toMillis() + "ms");
            // The pool's socket timeout suits interactive requests; an analysis may read for longer. The pool
            // resets it when the connection goes back.
            jdbc.execute((ConnectionCallback<Void>) c -> {
                c.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE,
                        settings.statementTimeout().plusSeconds(5).toMillis()));
                return null;
            });
            return work.get();
        });
        log.info("planning: answered in {} ms", millis(start));
        return result;
    }
}
