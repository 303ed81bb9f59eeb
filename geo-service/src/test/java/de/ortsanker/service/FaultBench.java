package de.ortsanker.service;

import de.ortsanker.testing.TcpProxy;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Load and faults (bench/fault/run.sh; not a test): the packaged service, its database behind a TCP relay,
 * 64 clients asking nearby, OGC items and tiles of the demo region — first alone, then while 32 more clients
 * send searches that are slow for certain (a session holds a lock on {@code localities}, so every type-ahead
 * waits for its statement timeout), then while 32 clients ask for uncached low-zoom tiles (slow for certain the
 * same way), then while the relay black-holes the database for 30 s. Prints a
 * Markdown table per phase: requests, errors by status, p50/p99/max, and for the black-hole the time to the
 * first 503, to readiness DOWN, and after the database returns to readiness UP and the first 200.
 *
 * <pre>java -cp … de.ortsanker.service.FaultBench JAR DB_URL PORT [seconds per phase]</pre>
 */
public final class FaultBench {

    static final int CLIENTS = 64;
    static final int SEARCHERS = 32;

    record Result(long at, String kind, int status, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String dbUrl = args[1];
        int port = Integer.parseInt(args[2]);
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String base = "http://127.0.0.1:" + port;
        try (var relay = TcpProxy.forJdbcUrl(dbUrl)) {
            var pb = new ProcessBuilder("java", "-jar", jar).redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "fault-bench-service.log"));
            pb.environment().putAll(Map.of("ORTSANKER_DB_URL", relay.jdbcUrlVia(dbUrl), "PORT", String.valueOf(port)));
            Process service = pb.start();
            try {
                var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                waitFor(() -> status(http, base + "/actuator/health/readiness") == 200, Duration.ofMinutes(3));
                var urls = urls(base);
                run(http, urls, null, 10, null);  // warm-up: JIT, caches, tiles
                System.out.println("| phase | requests | errors (by status) | p50 ms | p99 ms | max ms | other |");
                System.out.println("| --- | ---: | --- | ---: | ---: | ---: | --- |");
                report("64 clients: nearby, items, tiles", run(http, urls, null, seconds, null), "");

                try (Connection lock = DriverManager.getConnection(dbUrl, "postgres", "")) {
                    lock.setAutoCommit(false);
                    lock.createStatement().execute("lock table localities in access exclusive mode");
                    var burst = new ConcurrentLinkedQueue<Result>();
                    var phase = run(http, urls, burst, seconds, SEARCH_BURST.apply(base));
                    lock.rollback();
                    report("… with 32 slow searches", phase, "searches: " + statuses(new ArrayList<>(burst))
                            + "; readiness: " + readinessDuring(phase));
                }
                try (Connection lock = DriverManager.getConnection(dbUrl, "postgres", "")) {
                    lock.setAutoCommit(false);
                    lock.createStatement().execute("lock table localities in access exclusive mode");
                    var burst = new ConcurrentLinkedQueue<Result>();
                    var phase = run(http, urls, burst, seconds, TILE_BURST.apply(base));
                    lock.rollback();
                    report("… with 32 clients on uncached low-zoom tiles", phase, "those tiles: "
                            + statuses(new ArrayList<>(burst)) + "; readiness: " + readinessDuring(phase));
                }

                var outage = new ConcurrentLinkedQueue<Result>();
                var stop = new AtomicBoolean();
                ExecutorService clients = start(http, urls, outage, stop);
                Thread.sleep(seconds * 500L);
                long silent = System.nanoTime();
                relay.blackHole();
                long down = millisUntil(() -> status(http, base + "/actuator/health/readiness") == 503, silent, 60);
                Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - silent) / 1_000_000));
                relay.resume();
                long back = System.nanoTime();
                long up = millisUntil(() -> status(http, base + "/actuator/health/readiness") == 200, back, 60);
                long served = millisUntil(() -> status(http, urls.get(0)) == 200, back, 60);
                Thread.sleep(seconds * 500L);
                stop.set(true);
                clients.shutdown();
                clients.awaitTermination(2, TimeUnit.MINUTES);
                var all = new ArrayList<>(outage);
                // When the first 503 was answered, counted from the moment the database went silent.
                long first503 = all.stream().filter(r -> r.status() == 503 && r.at() + r.nanos() > silent)
                        .mapToLong(r -> (r.at() + r.nanos() - silent) / 1_000_000).min().orElse(-1);
                long firstOkAfter = all.stream().filter(r -> r.at() > back && r.status() == 200)
                        .mapToLong(r -> (r.at() + r.nanos() - back) / 1_000_000).min().orElse(-1);
                var during = all.stream().filter(r -> r.at() >= silent && r.at() < back).toList();
                report("… database black-holed 30 s", all, String.format(Locale.ROOT,
                        "first 503 after %d ms; readiness DOWN after %d ms; after it returned: readiness UP %d ms, "
                                + "first 200 %d ms (client %d ms); slowest answer during the outage %d ms",
                        first503, down, up, served, firstOkAfter,
                        during.stream().mapToLong(Result::nanos).max().orElse(0) / 1_000_000));
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The demo region north of Bayreuth: nearby points, an items bbox page, z14 tiles (cached after the first). */
    static List<String> urls(String base) {
        var random = new Random(17);
        var urls = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            double lon = 11.50 + random.nextDouble() * 0.25;
            double lat = 49.95 + random.nextDouble() * 0.15;
            urls.add(String.format(Locale.ROOT, "%s/places/nearby?lon=%.5f&lat=%.5f&radius=5000", base, lon, lat));
            urls.add(String.format(Locale.ROOT, "%s/collections/third_places/items?bbox=%.4f,%.4f,%.4f,%.4f&limit=50",
                    base, lon - 0.02, lat - 0.02, lon + 0.02, lat + 0.02));
            int x = (int) Math.floor((lon + 180) / 360 * (1 << 14));
            int y = (int) Math.floor((1 - Math.log(Math.tan(Math.toRadians(lat)) + 1 / Math.cos(Math.toRadians(lat)))
                    / Math.PI) / 2 * (1 << 14));
            urls.add(base + "/tiles/all/14/" + x + "/" + y + ".mvt");
        }
        return urls;
    }

    /** Type-ahead requests, the n-th of a burst client's loop (slow for certain while localities is locked). */
    static final Function<String, BiFunction<Integer, Integer, String>> SEARCH_BURST = base -> (client, n) ->
            base + "/map/suggest?q=" + List.of("ha", "bi", "st", "gasthof", "kirche", "verein").get(client % 6);

    /**
     * Low-zoom tiles (Web Mercator 6–11) of the whole of Germany that no one asked for before: each one is made
     * (and, while localities is locked, waits for the statement timeout), so they need a slot of the tiles class.
     */
    static final Function<String, BiFunction<Integer, Integer, String>> TILE_BURST = base -> (client, n) -> {
        int z = 6 + (client + n) % 6;
        int span = 1 << (z - 5);  // Germany spans about one z5 tile: x 16–17, y 10–11
        int x = 16 * (1 << (z - 5)) + (client * 31 + n * 7) % (2 * span);
        int y = 10 * (1 << (z - 5)) + (client * 17 + n * 13 + n / (2 * span)) % (2 * span);
        return base + "/tiles/all/" + z + "/" + x + "/" + y + ".mvt?step_free=" + (n % 2 == 0 ? "yes" : "limited")
                + "&free_entry=" + (client % 2 == 0) + "&kinds=" + List.of("clubs", "supply", "mobility", "third_places").get(client % 4);
    };

    static List<Result> run(HttpClient http, List<String> urls, ConcurrentLinkedQueue<Result> burst, int seconds,
                            BiFunction<Integer, Integer, String> burstUrl) throws Exception {
        var results = new ConcurrentLinkedQueue<Result>();
        var stop = new AtomicBoolean();
        ExecutorService clients = start(http, urls, results, stop);
        ExecutorService searchers = null;
        if (burst != null) {
            searchers = Executors.newFixedThreadPool(SEARCHERS);
            for (int i = 0; i < SEARCHERS; i++) {
                int client = i;
                searchers.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String url = burstUrl.apply(client, n);
                        burst.add(timed(http, url, url.contains("/tiles/") ? "burst tile" : "search"));
                    }
                    return null;
                });
            }
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
        if (searchers != null) {
            searchers.shutdown();
            searchers.awaitTermination(2, TimeUnit.MINUTES);
        }
        return new ArrayList<>(results);
    }

    static ExecutorService start(HttpClient http, List<String> urls, ConcurrentLinkedQueue<Result> results,
                                 AtomicBoolean stop) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = client * 7; !stop.get(); n++) {
                    String url = urls.get(n % urls.size());
                    results.add(timed(http, url, url.contains("/tiles/") ? "tile" : url.contains("/items") ? "items" : "nearby"));
                }
                return null;
            });
        }
        String readiness = urls.get(0).replaceFirst("/places/.*", "/actuator/health/readiness");
        clients.submit(() -> {
            while (!stop.get()) {
                results.add(timed(http, readiness, "readiness"));
                Thread.sleep(500);
            }
            return null;
        });
        return clients;
    }

    static Result timed(HttpClient http, String url, String kind) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        return new Result(start, kind, status, System.nanoTime() - start);
    }

    static void report(String phase, List<Result> results, String other) {
        var load = results.stream().filter(r -> !r.kind().equals("readiness")).toList();
        long[] ms = load.stream().mapToLong(r -> r.nanos() / 1_000_000).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d | %d | %s |%n", phase, load.size(),
                statuses(load.stream().filter(r -> r.status() != 200 && r.status() != 204 && r.status() != 304).toList()),
                pct(ms, 0.5), pct(ms, 0.99), ms.length == 0 ? 0 : ms[ms.length - 1], other);
    }

    static String readinessDuring(List<Result> results) {
        return statuses(results.stream().filter(r -> r.kind().equals("readiness")).toList());
    }

    static String statuses(List<Result> results) {
        var by = new TreeMap<Integer, Integer>();
        results.forEach(r -> by.merge(r.status(), 1, Integer::sum));
        return by.isEmpty() ? "none" : by.toString().replace("{", "").replace("}", "").replace("=", "×");
    }

    static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static int status(HttpClient http, String url) {
        return timed(http, url, "probe").status();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void waitFor(Check check, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + limit);
            }
            Thread.sleep(200);
        }
    }

    static long millisUntil(Check check, long since, int maxSeconds) throws Exception {
        long end = since + maxSeconds * 1_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > end) {
                return -1;
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - since) / 1_000_000;
    }

    private FaultBench() {
    }
}
