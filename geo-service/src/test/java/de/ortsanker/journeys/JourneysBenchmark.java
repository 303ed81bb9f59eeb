package de.ortsanker.journeys;

import de.ortsanker.imports.Imports;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Getting there, through HTTP against the bare work: {@code /places/{id}/departures} against the same
 * named statements run over JDBC ({@link Timetable}: feeds, stops near both ends, next departures), and
 * {@code /places/{id}/way} against {@link Network#route} called in-process on the same graph. Herrenberg
 * extract and the bundled Herrenberg demo feed; Herrenberg ZOB to a place in Kayh (some 5 km).
 * Run by bench/journeys/run.sh; prints a Markdown table for docs/benchmarks.md.
 */
public final class JourneysBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path extract = Path.of(args[1]).toAbsolutePath();
        Path feed = Path.of(args[2]).toAbsolutePath();
        Path graphs = Path.of(args[3]).toAbsolutePath();
        int n = Integer.parseInt(args[4]);
        try (TestSchema schema = TestDatabase.freshSchema()) {
            Imports.importFile(schema.dataSource(), feed).orThrow();
            var jdbc = new JdbcTemplate(schema.dataSource());
            long place = jdbc.queryForObject("""
                    insert into places (kind, name, geom, source, source_id, licence, attribution)
                    values ('village_hall', 'Bürgerhaus Kayh (Bench)', ST_Point(8.9160, 48.5762, 4326), 'bench', 'kayh',
                            'CC0-1.0', 'bench') returning id""", Long.class);
            int port;
            try (var s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = Files.createTempFile("journeys-bench", ".log");
            var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                    "-jar", jar.toString());
            pb.environment().keySet().removeIf(k -> k.startsWith("ORTSANKER_"));
            pb.environment().putAll(java.util.Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                    "ORTSANKER_DB_PASSWORD", schema.password(), "PORT", String.valueOf(port),
                    "ORTSANKER_ROUTING_EXTRACTS", extract.toString(), "ORTSANKER_ROUTING_CACHE_DIR", graphs.toString()));
            Process service = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (Network network = Network.build(extract, graphs.resolve("bench-" + extract.getFileName()), 500)) {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + port;
                String from = "lon=8.864715&lat=48.594408";
                String way = base + "/places/" + place + "/way?mode=walk&" + from;
                awaitOk(http, way, service, log);
                String departures = base + "/places/" + place + "/departures?" + from + "&date=2026-12-07&after=06:00";

                // One connection held open, as the service's pool holds its own: the bare side pays no connecting.
                var connection = new org.springframework.jdbc.datasource.SingleConnectionDataSource(schema.connect(), true);
                var named = new NamedParameterJdbcTemplate(connection);
                Timetable timetable = new Timetable(named);
                Callable<Object> bareSql = () -> {
                    timetable.feeds();
                    var starts = timetable.stopsNear(8.864715, 48.594408, 1500, 6);
                    var ends = timetable.stopsNear(8.9160, 48.5762, 1000, 6);
                    return timetable.nextDepartures(starts, ends, LocalDate.of(2026, 12, 7), 6 * 3600, 5);
                };
                Point a = new Point(8.864715, 48.594408), b = new Point(8.9160, 48.5762);
                Callable<Object> bareRoute = () -> network.route(TravelMode.WALK, a, b);

                var route = network.route(TravelMode.WALK, a, b);
                System.out.println(String.format(Locale.ROOT, "walk from Herrenberg ZOB to Kayh: %.0f m, %.0f s; %d calls per case",
                        route.metres(), route.seconds(), n));
                System.out.println("| case | median ms | p95 ms |");
                System.out.println("| --- | ---: | ---: |");
                row("GET /places/{id}/departures (HTTP, weekday, 3 trips)", time(n, () -> get(http, departures)));
                row("the same statements over JDBC (feeds, stops near both ends, next departures)", time(n, bareSql));
                row("GET /places/{id}/departures on a Sunday (no service: + the connecting-services statement)",
                        time(n, () -> get(http, departures.replace("2026-12-07", "2026-12-13"))));
                row("GET /places/{id}/way?mode=walk (HTTP)", time(n, () -> get(http, way)));
                row("Network.route(WALK) in-process (GraphHopper, same graph)", time(n, bareRoute));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static void awaitOk(HttpClient http, String url, Process service, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!service.isAlive()) {
                throw new IllegalStateException(Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not answer " + url);
    }

    private static Object get(HttpClient http, String url) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode());
        }
        return r.body();
    }

    /** Milliseconds of n calls after n/5 warm-up calls. */
    private static double[] time(int n, Callable<Object> call) throws Exception {
        for (int i = 0; i < Math.max(20, n / 5); i++) {
            call.call();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void row(String label, double[] ms) {
        System.out.println(String.format(Locale.ROOT, "| %s | %.2f | %.2f |", label, ms[ms.length / 2],
                ms[(int) Math.floor(ms.length * 0.95)]));
    }

    private JourneysBenchmark() {
    }

}
