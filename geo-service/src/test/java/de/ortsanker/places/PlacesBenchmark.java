package de.ortsanker.places;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

/**
 * The places API through HTTP against the same SQL run bare over JDBC, in one run, on the same
 * database (bench/places/run.sh starts the service and calls this). Not a test: a load generator.
 *
 * <p>Both sides get the statement from the code the endpoints use ({@link PlaceQueries}, {@link
 * PlaceFilters}, {@link Area}), so they cannot drift apart. Requests alternate between the two sides in
 * blocks, so machine noise hits both alike; the ratio of the medians is the result.
 *
 * <pre>java -cp … de.ortsanker.places.PlacesBenchmark JDBC_URL SERVICE_URL [requests] [seconds] [threads]</pre>
 */
public final class PlacesBenchmark {

    /** One kind of request, as bare SQL and as its URL. */
    record Case(String name, String sql, List<Object[]> args, List<String> urls) {
    }

    public static void main(String[] argv) throws Exception {
        String jdbcUrl = argv[0];
        String service = argv[1];
        int requests = argv.length > 2 ? Integer.parseInt(argv[2]) : 2000;
        int seconds = argv.length > 3 ? Integer.parseInt(argv[3]) : 15;
        int threads = argv.length > 4 ? Integer.parseInt(argv[4]) : 8;
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            List<double[]> points = samplePoints(db, 1000);
            var cases = new ArrayList<>(List.of(nearby(points, service), bboxPage(points, service)));
            ogcItems(points, service, http).ifPresent(cases::add);
            cases.add(floor(service));
            System.out.println("| request | bare SQL median (ms) | HTTP median (ms) | ratio | bare p90 | HTTP p90 | "
                    + "features/answer | HTTP req/s (" + threads + " clients) | bare SQL q/s (" + threads + " clients) |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Case c : cases) {
                measure(c, db, http, requests / 5);  // warm-up: JIT, plan caches, shared buffers
                double[][] t = measure(c, db, http, requests);
                double viaHttp = median(t[1]);
                double rps = throughput(c, http, seconds, threads, false, jdbcUrl);
                if (c.sql() == null) {
                    System.out.printf(Locale.ROOT, "| %s | — | %.2f | — | — | %.2f | %.0f | %.0f | — |%n",
                            c.name(), viaHttp, pct(t[1], 0.9), t[2][0], rps);
                    continue;
                }
                double bare = median(t[0]);
                double qps = throughput(c, http, seconds, threads, true, jdbcUrl);
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | **%.2f×** | %.2f | %.2f | %.0f | %.0f | %.0f |%n",
                        c.name(), bare, viaHttp, viaHttp / bare, pct(t[0], 0.9), pct(t[1], 0.9), t[2][0], rps, qps);
            }
        }
    }

    /** Points where people are: existing places, a fixed sample so runs compare. */
    static List<double[]> samplePoints(Connection db, int n) throws SQLException {
        List<double[]> points = new ArrayList<>();
        try (var st = db.createStatement(); var rs = st.executeQuery("select ST_X(geom), ST_Y(geom) from places"
                + " tablesample bernoulli (1) repeatable (42) where GeometryType(geom) = 'POINT' limit " + n)) {
            while (rs.next()) {
                points.add(new double[] {Math.round(rs.getDouble(1) * 1e5) / 1e5, Math.round(rs.getDouble(2) * 1e5) / 1e5});
            }
        }
        return points;
    }

    /** k = 10 nearest within 5 km. */
    static Case nearby(List<double[]> points, String service) {
        var filters = PlaceFilters.parse(new FilterParameters(null, null, null, null, null, null, null), LocalDateTime.now(PlaceFilters.BERLIN));
        List<Object[]> args = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String sql = null;
        for (double[] p : points) {
            var params = new MapSqlParameterSource("lon", p[0]).addValue("lat", p[1]).addValue("radius", 5000.0);
            String named = PlaceQueries.statement(PlaceQueries.NEARBY, List.of(filters.sql(params), PlaceQueries.WITHIN_RADIUS));
            params.addValue("scan", 10);
            sql = NamedParameterUtils.parseSqlStatementIntoString(named);
            args.add(NamedParameterUtils.buildValueArray(named, params.getValues()));
            urls.add(String.format(Locale.ROOT, "%s/places/nearby?lon=%s&lat=%s&radius=5000&limit=10", service, p[0], p[1]));
        }
        return new Case("nearby: k=10 within 5 km", sql, args, urls);
    }

    /** A page of 100 in a bbox of about 7 × 7 km around the point. */
    static Case bboxPage(List<double[]> points, String service) {
        var filters = PlaceFilters.parse(new FilterParameters(null, null, null, null, null, null, null), LocalDateTime.now(PlaceFilters.BERLIN));
        List<Object[]> args = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String sql = null;
        for (double[] p : points) {
            String bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", p[0] - 0.05, p[1] - 0.03, p[0] + 0.05, p[1] + 0.03);
            var params = new MapSqlParameterSource("after", 0L);
            String named = PlaceQueries.statement(PlaceQueries.WITHIN, List.of(filters.sql(params), Area.bbox(bbox).sql(params)));
            params.addValue("scan", 100);
            sql = NamedParameterUtils.parseSqlStatementIntoString(named);
            args.add(NamedParameterUtils.buildValueArray(named, params.getValues()));
            urls.add(service + "/places/within?bbox=" + bbox + "&limit=100");
        }
        return new Case("bbox page of 100: /places/within", sql, args, urls);
    }

    /**
     * The OGC API items page for the same bboxes (places to meet only: OGC collections are per group),
     * through HTTP only — its own comparison with bare SQL is bench/ogc-features.sh. Absent when the
     * service has no OGC API.
     */
    static java.util.Optional<Case> ogcItems(List<double[]> points, String service, HttpClient http) throws Exception {
        var probe = http.send(HttpRequest.newBuilder(URI.create(service + "/collections/third_places")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (probe.statusCode() != 200) {
            return java.util.Optional.empty();
        }
        List<String> urls = new ArrayList<>();
        for (double[] p : points) {
            urls.add(String.format(Locale.ROOT, "%s/collections/third_places/items?bbox=%.5f,%.5f,%.5f,%.5f&limit=100",
                    service, p[0] - 0.05, p[1] - 0.03, p[0] + 0.05, p[1] + 0.03));
        }
        return java.util.Optional.of(new Case("OGC items page of 100, third places (HTTP only)", null, List.of(), urls));
    }

    /** The fixed cost of any request: GET /kinds, one tiny query, against that query bare. */
    static Case floor(String service) {
        return new Case("floor: /kinds (30 rows, no ETag query)", KindsController.VOCABULARY,
                List.<Object[]>of(new Object[0]), List.of(service + "/kinds"));
    }

    /** Times each request both ways, alternating in blocks of 50; returns [bare ms…], [http ms…], [features]. */
    static double[][] measure(Case c, Connection db, HttpClient http, int n) throws Exception {
        double[] bare = new double[n];
        double[] viaHttp = new double[n];
        long features = 0;
        try (PreparedStatement ps = c.sql() == null ? null : db.prepareStatement(c.sql())) {
            for (int block = 0; block < n; block += 50) {
                for (int i = block; ps != null && i < Math.min(n, block + 50); i++) {
                    long t0 = System.nanoTime();
                    features += bareQuery(ps, c.args().get(i % c.args().size()));
                    bare[i] = (System.nanoTime() - t0) / 1e6;
                }
                for (int i = block; i < Math.min(n, block + 50); i++) {
                    long t0 = System.nanoTime();
                    var r = http.send(HttpRequest.newBuilder(URI.create(c.urls().get(i % c.urls().size()))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    viaHttp[i] = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(c.urls().get(i % c.urls().size()) + " answered " + r.statusCode()
                                + ": " + new String(r.body()));
                    }
                    if (ps == null) {
                        features += countFeatures(r.body());
                    }
                }
            }
        }
        return new double[][] {bare, viaHttp, {features / (double) n}};
    }

    private static int countFeatures(byte[] geojson) {
        String s = new String(geojson, java.nio.charset.StandardCharsets.UTF_8);
        int n = 0;
        for (int i = s.indexOf("\"type\":\"Feature\""); i >= 0; i = s.indexOf("\"type\":\"Feature\"", i + 1)) {
            n++;
        }
        return n;
    }

    /** Reads every column of every row, as a client of the bare query would. */
    static int bareQuery(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        int rows = 0;
        try (var rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int col = 1; col <= columns; col++) {
                    rs.getString(col);
                }
                rows++;
            }
        }
        return rows;
    }

    /** Requests (or bare queries) per second with several clients at once. */
    static double throughput(Case c, HttpClient http, int seconds, int threads, boolean bare, String jdbcUrl)
            throws Exception {
        var done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            pool.submit(() -> {
                try (Connection db = bare ? DriverManager.getConnection(jdbcUrl, "postgres", "") : null;
                     PreparedStatement ps = bare ? db.prepareStatement(c.sql()) : null) {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        if (bare) {
                            bareQuery(ps, c.args().get(i % c.args().size()));
                        } else {
                            http.send(HttpRequest.newBuilder(URI.create(c.urls().get(i % c.urls().size()))).build(),
                                    HttpResponse.BodyHandlers.discarding());
                        }
                        done.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return done.get() / (double) seconds;
    }

    static double median(double[] v) {
        return pct(v, 0.5);
    }

    static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
    }
}
