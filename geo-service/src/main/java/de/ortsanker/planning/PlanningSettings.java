package de.ortsanker.planning;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The planners' defaults, from {@code ortsanker.planning} in application.yml; every one can be overridden
 * per request, and the OpenAPI document states them.
 *
 * @param targets            what reach is reported for when a request names nothing
 * @param radii              radii (m) within which places are counted
 * @param rules              the standards villages are held to ("third_place:2000")
 * @param candidateRule      the offer candidate sites are judged for
 * @param candidates         how many sites to choose (N)
 * @param maxCandidates      the largest N a request may ask for
 * @param maxRadiusM         the largest radius a request may use; more is refused as absurd
 * @param settlements        the locality kinds analysed (villages and hamlets)
 * @param zensusMaxDistanceM census cells farther than this from every settlement are not given to any
 * @param listLimit          the most candidate sites listed by their own reach
 * @param statementTimeout   how long an analysis may run (the service's default per query is shorter)
 */
@ConfigurationProperties("ortsanker.planning")
public record PlanningSettings(List<String> targets, List<Integer> radii, List<String> rules, String candidateRule,
                               int candidates, int maxCandidates, int maxRadiusM, List<String> settlements,
                               int zensusMaxDistanceM, int listLimit, Duration statementTimeout) {
}
