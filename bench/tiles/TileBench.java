import de.ortsanker.tiles.TileAddress;
import de.ortsanker.tiles.TileFilter;
import de.ortsanker.tiles.TileLayers;
import de.ortsanker.tiles.TileQuery;
import de.ortsanker.tiles.TileRenderer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tile benchmark's measuring part (bench/tiles/run.sh starts the service and nginx around it).
 *
 * <pre>
 * TileBench coords   JDBC_URL N          tiles z8..z16 holding N sampled places → stdout (z x y)
 * TileBench uncached JDBC_URL BASE FILE  (a) each tile via HTTP (cache off) and as the bare ST_AsMVT query, interleaved
 * TileBench fetch    BASE FILE DIR       cached tiles → DIR/tiles/all/z/x/y.mvt for nginx, paths → DIR/paths.txt
 * TileBench pyramid  BASE W S E N ZMAX   (c) every tile z0..ZMAX of a bounding box via HTTP, 2 clients
 * </pre>
 */
public class TileBench {

    static final String TILESET = "all";
    static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        switch (args[0]) {
            case "coords" -> coords(args[1], Integer.parseInt(args[2]));
            case "uncached" -> uncached(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            case "fetch" -> fetch(args[1], Path.of(args[2]), Path.of(args[3]));
            case "pyramid" -> pyramid(args[1], Double.parseDouble(args[2]), Double.parseDouble(args[3]),
                    Double.parseDouble(args[4]), Double.parseDouble(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Real tile coordinates: the tiles z8..z16 that hold N places sampled evenly from the table. */
    static void coords(String jdbc, int n) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             var ps = c.prepareStatement("select ST_X(geom), ST_Y(geom) from places where id % ? = 0 and GeometryType(geom) = 'POINT' limit ?")) {
            ps.setLong(1, 1_000_003L / n);
            ps.setInt(2, n);
            var seen = new java.util.LinkedHashSet<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int z = 8; z <= 16; z++) {
                        TileAddress t = tileAt(z, rs.getDouble(1), rs.getDouble(2));
                        seen.add(t.z() + " " + t.x() + " " + t.y());
                    }
                }
            }
            seen.forEach(System.out::println);
        }
    }

    static TileAddress tileAt(int z, double lon, double lat) {
        int n = 1 << z;
        double rad = Math.toRadians(lat);
        return TileAddress.of(z, (int) Math.floor((lon + 180) / 360 * n),
                (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n));
    }

    static List<TileAddress> read(Path file) throws IOException {
        var out = new ArrayList<TileAddress>();
        for (String line : Files.readAllLines(file)) {
            String[] p = line.trim().split(" ");
            out.add(TileAddress.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])));
        }
        return out;
    }

    static String path(TileAddress t) {
        return "/tiles/" + TILESET + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt";
    }

    /**
     * (a) Per tile, interleaved and in random order: the service answering it uncached over HTTP, and the same
     * ST_AsMVT statement (TileQuery, same parameters) run bare over JDBC; each ROUNDS times, medians compared.
     */
    static void uncached(String jdbc, String base, Path file, int rounds) throws Exception {
        List<TileAddress> tiles = new ArrayList<>(read(file));
        Collections.shuffle(tiles, new Random(42));
        var layers = TileLayers.forTile(TILESET).orElseThrow().layers();
        var ratios = new TreeMap<Integer, List<Double>>();
        var all = new ArrayList<Double>();
        var httpMs = new TreeMap<Integer, List<Double>>();
        var bareMs = new TreeMap<Integer, List<Double>>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Http http = new Http(base)) {
            for (TileAddress t : tiles) {
                var sql = TileQuery.forTile(layers, t, TileFilter.NONE, LocalDate.now(LOCAL), 12);
                bare(c, sql); // warm both paths' buffers once
                http.get(path(t));
                double[] h = new double[rounds];
                double[] b = new double[rounds];
                int bytesHttp = 0;
                int bytesBare = 0;
                for (int i = 0; i < rounds; i++) {
                    for (int order = 0; order < 2; order++) { // alternate which goes first
                        if ((i + order) % 2 == 0) {
                            long t0 = System.nanoTime();
                            Response r = http.get(path(t));
                            h[i] = (System.nanoTime() - t0) / 1e6;
                            if (r.status() != 200 && r.status() != 204) {
                                throw new IllegalStateException(path(t) + " answered " + r.status());
                            }
                            bytesHttp = r.body().length;
                        } else {
                            long t0 = System.nanoTime();
                            bytesBare = bare(c, sql);
                            b[i] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
                if (bytesHttp != bytesBare) {
                    throw new IllegalStateException(path(t) + ": HTTP gave " + bytesHttp + " bytes, the bare query " + bytesBare);
                }
                double ratio = median(h) / median(b);
                ratios.computeIfAbsent(t.z(), k -> new ArrayList<>()).add(ratio);
                httpMs.computeIfAbsent(t.z(), k -> new ArrayList<>()).add(median(h));
                bareMs.computeIfAbsent(t.z(), k -> new ArrayList<>()).add(median(b));
                all.add(ratio);
            }
        }
        System.out.println("| zoom | tiles | median HTTP ms | median bare SQL ms | median ratio |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (int z : ratios.keySet()) {
            System.out.printf("| %d | %d | %.2f | %.2f | %.3f |%n", z, ratios.get(z).size(), median(httpMs.get(z)),
                    median(bareMs.get(z)), median(ratios.get(z)));
        }
        System.out.printf("| **z8–z16** | **%d** | | | **%.3f** |%n", all.size(), median(all));
        System.out.printf("RESULT uncached median ratio %.3f over %d tiles (target <= 1.15)%n", median(all), all.size());
    }

    /** The statement run bare: the same text, parameters and way of running it as the service's. */
    static int bare(Connection c, TileQuery.Sql sql) throws Exception {
        return TileRenderer.run(c, sql).mvt().length;
    }

    /** Fetches each tile from the (caching) service and writes the bytes where nginx serves them. */
    static void fetch(String base, Path file, Path dir) throws Exception {
        var paths = new ArrayList<String>();
        long bytes = 0;
        Http http = new Http(base);
        for (TileAddress t : read(file)) {
            Response r = http.get(path(t));
            if (r.status() != 200) {
                continue; // empty tiles (204) are left out: nginx would answer them 200
            }
            Path out = dir.resolve(path(t).substring(1));
            Files.createDirectories(out.getParent());
            Files.write(out, r.body());
            paths.add(path(t));
            bytes += r.body().length;
        }
        http.close();
        Files.write(dir.resolve("paths.txt"), paths);
        System.out.printf("fetched %d tiles, %d KB, mean %.1f KB%n", paths.size(), bytes / 1024, bytes / 1024.0 / paths.size());
    }

    /** (c) Every tile z0..zmax over the box, through HTTP with two clients; tiles per second. */
    static void pyramid(String base, double w, double s, double e, double n, int zmax) throws Exception {
        var tiles = new ArrayList<TileAddress>();
        for (int z = 0; z <= zmax; z++) {
            TileAddress nw = tileAt(z, w, n);
            TileAddress se = tileAt(z, e, s);
            for (int x = nw.x(); x <= se.x(); x++) {
                for (int y = nw.y(); y <= se.y(); y++) {
                    tiles.add(TileAddress.of(z, x, y));
                }
            }
        }
        var next = new AtomicInteger();
        var bytes = new AtomicLong();
        var largest = new AtomicLong();
        var empty = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            var t = new Thread(r);
            t.setDaemon(true); // a failed run ends the program
            return t;
        });
        long t0 = System.nanoTime();
        var done = new ArrayList<Future<?>>();
        for (int i = 0; i < 2; i++) {
            done.add(pool.submit(() -> {
                try (Http http = new Http(base)) {
                    for (int k; (k = next.getAndIncrement()) < tiles.size(); ) {
                        Response r = http.get(path(tiles.get(k)));
                        if (r.status() == 204) {
                            empty.incrementAndGet();
                        } else if (r.status() != 200) {
                            throw new IllegalStateException(path(tiles.get(k)) + " answered " + r.status());
                        }
                        bytes.addAndGet(r.body().length);
                        largest.accumulateAndGet(r.body().length, Math::max);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT pyramid z0-z%d: %d tiles (%d empty) in %.1f s = %.0f tiles/s; %d KB in all, largest %.1f KB%n",
                zmax, tiles.size(), empty.get(), seconds, tiles.size() / seconds, bytes.get() / 1024, largest.get() / 1024.0);
    }

    /**
     * A blocking HTTP/1.1 client on one kept-alive connection: a request costs a write and a read, like the
     * bare query over JDBC — no client threads between the measurement and the socket.
     */
    static final class Http implements AutoCloseable {
        private final URI uri;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        Http(String base) throws IOException {
            uri = URI.create(base);
            connect();
        }

        private void connect() throws IOException {
            socket = new java.net.Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        /** Status and body of GET path; reconnects when the server closed the connection, as browsers do. */
        Response get(String path) throws IOException {
            if (socket.isClosed()) {
                connect();
            }
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = 0;
            boolean close = false;
            for (String h; !(h = line()).isEmpty(); ) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:")) {
                    throw new IOException("chunked answers are not expected for tiles: " + path);
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            var response = new Response(code, in.readNBytes(length));
            if (close) {
                socket.close();
            }
            return response;
        }

        private String line() throws IOException {
            var sb = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    record Response(int status, byte[] body) {
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double median(List<Double> v) {
        return median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
