package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A bounded, seeded fuzzer over the service's own OpenAPI document: every operation, every parameter (query,
 * path, header) and, for POST, the body, each given every value class that once made the service answer 500
 * or a non-problem 4xx (issue 17: NUL bytes, bad %-encoding, over-long request lines and headers, %2F and ..
 * in paths, an unparsable Accept, a year 999999999, 1.5 and 1e309 for integers, a Polygon without
 * coordinates …), then random combinations of them. Requests go over a raw socket, so that what no HTTP
 * client library would send (a malformed escape, a NUL in a header) is sent as is.
 *
 * <p>It fails on any 5xx, on any 4xx that is not an RFC 9457 problem document with the same status, and on a
 * problem whose text names internals (exception classes, Java packages, the SQL driver).
 */
@ServiceTest
class OpenApiFuzzTest {

    static final long SEED = 17;
    static final int RANDOM_REQUESTS = 400;

    /** The value classes, as they go into a URL (already percent-encoded where meant). */
    static final List<String> VALUES = List.of(
            "%00", "a%00b", "%01", "%1F", "%7F", "%0D%0A", "%zz", "%", "%e4", "%C3%A4%C3%9F", "%F0%9D%84%9E",
            "", "%20", "'", "%22", "%27%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a".repeat(5000),
            "1.5", "1e309", "-1e309", "-1", "0", "99999999999999999999", "NaN", "Infinity", "-0",
            "%2B999999999-01-01T00:00", "%2B999999999-01-01T00:00:00Z", "2026-13-45", "2026-12-24T18:00",
            "..%2F..", "%2F", "..", "true", "null", "%5B%5D", "%7B%7D",
            "%7B%22type%22%3A%22Polygon%22%7D", "%7B%22type%22%3A%22Polygon%22%2C%22coordinates%22%3A%5B%5D%7D",
            "%7B%22type%22%3A%22Point%22%2C%22coordinates%22%3A%5B1e309%2C0%5D%7D",
            ",,,", "1,2,3", "1,2,3,4,5", "-181,-91,181,91", "11.5,49.9,11.7,50.1", "name%3D'a%00'", "capacity%3D1.5",
            "http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F999999", "club,,pub", "%E2%80%AE");

    /** What a path segment is replaced with, beside a valid value. */
    static final List<String> SEGMENTS = List.of("%00", "%2F", "..", "%2E%2E", "%zz", "a".repeat(3000), "-1",
            "99999999999999999999", "1.5", "%E2%82%AC", "%20");

    /** Header values (raw bytes after the colon). */
    static final List<String> HEADERS = List.of(";;;", "foo", "*/*;q=x", "application/", "text/csv;;", "\u0000",
            "a".repeat(9000), "application/json, */*;q=0.1", "\u00e4");

    static final List<String> BODIES = List.of("", "{", "[]", "null", "{\"type\":\"Polygon\"}",
            "{\"type\":\"Polygon\",\"coordinates\":[]}", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,\"x\"]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[11.5,50],[11.6,50],[11.6,50.1],[11.5,50]]],\"name\":\"a\\u0000b\"}",
            "{\"type\":\"Feature\",\"geometry\":null}", "\u0000\u0001\u0002", "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[1e309,0]]]]}");

    /** Words that belong to the implementation, not to a client's mistake. */
    static final Pattern INTERNALS = Pattern.compile(
            "Exception|java\\.|javax\\.|jakarta\\.|springframework|fasterxml|postgresql|PSQL|org\\.locationtech|\\tat ");

    /** Valid values, so that a fuzzed parameter travels with the others a request needs. */
    static final Map<String, String> VALID = Map.ofEntries(Map.entry("lon", "11.6"), Map.entry("lat", "50.0"),
            Map.entry("q", "Harsdorf"), Map.entry("tms", "WebMercatorQuad"), Map.entry("id", "1"),
            Map.entry("tileMatrix", "1"), Map.entry("tileRow", "0"), Map.entry("tileCol", "0"),
            Map.entry("tileset", "clubs"), Map.entry("z", "1"), Map.entry("x", "0"), Map.entry("y", "0"),
            Map.entry("featureId", "1"), Map.entry("ags", "09472118"));

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    record Operation(String method, String path, List<Param> params, boolean body) {
    }

    record Param(String name, String in, boolean required) {
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    @Test
    void noInputGivesA5xxOrANonProblem4xx() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(50);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations) {
            for (Param p : op.params()) {
                for (String v : p.in().equals("header") ? HEADERS : p.in().equals("path") ? SEGMENTS : VALUES) {
                    check(op, Map.of(p.name(), v), null, failures);
                    requests++;
                }
            }
            if (op.body()) {
                for (String b : BODIES) {
                    check(op, Map.of(), b, failures);
                    requests++;
                }
            }
        }
        var random = new Random(SEED);
        for (int i = 0; i < RANDOM_REQUESTS; i++) {
            Operation op = operations.get(random.nextInt(operations.size()));
            var values = new LinkedHashMap<String, String>();
            for (int n = 1 + random.nextInt(3); n > 0 && !op.params().isEmpty(); n--) {
                Param p = op.params().get(random.nextInt(op.params().size()));
                List<String> pool = p.in().equals("header") ? HEADERS : p.in().equals("path") ? SEGMENTS : VALUES;
                values.put(p.name(), pool.get(random.nextInt(pool.size())));
            }
            check(op, values, op.body() ? BODIES.get(random.nextInt(BODIES.size())) : null, failures);
            requests++;
        }
        // Requests the container refuses before any operation: over-long request line, headers, bad paths.
        for (String target : List.of("/places/search?q=" + "a".repeat(9000), "/places%2Fsearch?q=ab",
                "/map/../../etc/passwd", "/%zz", "/error", "/places/search%00", "/collections/clubs/items;jsessionid=x")) {
            check(target, "GET", Map.of(), null, failures);
            requests++;
        }
        check("/places/search?q=ab", "GET", Map.of("X-Big", "a".repeat(9000)), null, failures);
        assertThat(requests).isGreaterThan(3000);
        assertThat(failures).as(failures.size() + " of " + requests + " requests").isEmpty();
    }

    /** The operations of /api/openapi.json with their parameters (HEAD and OPTIONS left to the container). */
    private List<Operation> operations() throws IOException {
        Answer a = send("GET", "/api/openapi.json", Map.of(), null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode doc = json.readTree(a.body());
        var ops = new ArrayList<Operation>();
        for (var path = doc.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var method = entry.getValue().fields(); method.hasNext(); ) {
                var m = method.next();
                if (!List.of("get", "post", "put", "delete").contains(m.getKey())) {
                    continue;
                }
                var params = new ArrayList<Param>();
                for (JsonNode p : m.getValue().path("parameters")) {
                    params.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean()));
                }
                ops.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), entry.getKey(), params,
                        m.getValue().has("requestBody")));
            }
        }
        return ops;
    }

    private void check(Operation op, Map<String, String> fuzzed, String body, List<String> failures) throws IOException {
        String path = op.path();
        var query = new StringBuilder();
        var headers = new TreeMap<String, String>();
        for (Param p : op.params()) {
            String value = fuzzed.containsKey(p.name()) ? fuzzed.get(p.name())
                    : p.required() || p.in().equals("path") || (VALID.containsKey(p.name()) && List.of("lon", "lat").contains(p.name()))
                    ? VALID.getOrDefault(p.name(), "1") : null;
            if (value == null) {
                continue;
            }
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", value);
                case "header" -> headers.put(p.name(), value);
                default -> query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(value);
            }
        }
        if (body != null) {
            headers.put("Content-Type", "application/geo+json");
        }
        check(path + query, op.method(), headers, body, failures);
    }

    private void check(String target, String method, Map<String, String> headers, String body, List<String> failures)
            throws IOException {
        Answer a = send(method, target, headers, body);
        String what = method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
                + (headers.isEmpty() ? "" : " " + headers.keySet()) + (body == null ? "" : " body " + body);
        if (a.status() >= 500) {
            failures.add(what + " → " + a.status() + " " + abbreviate(a.body()));
        } else if (a.status() >= 400) {
            String type = a.headers().getOrDefault("content-type", "");
            if (!type.startsWith("application/problem+json")) {
                failures.add(what + " → " + a.status() + " as " + type + ": " + abbreviate(a.body()));
                return;
            }
            JsonNode problem;
            try {
                problem = json.readTree(a.body());
            } catch (IOException e) {
                failures.add(what + " → " + a.status() + " problem that is no JSON: " + abbreviate(a.body()));
                return;
            }
            if (problem == null || problem.path("status").asInt() != a.status()) {
                failures.add(what + " → " + a.status() + " problem with another status: " + abbreviate(a.body()));
            } else if (INTERNALS.matcher(problem.path("detail").asText() + " " + problem.path("title").asText()
                    + " " + problem.path("invalid-params")).find()) {
                failures.add(what + " → " + a.status() + " problem naming internals: " + abbreviate(a.body()));
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** One HTTP/1.1 exchange over a fresh socket, bytes as given (ISO-8859-1 for the request head). */
    private Answer send(String method, String target, Map<String, String> headers, String body) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (content != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            var out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (content != null) {
                    out.write(content);
                }
                out.flush();
            } catch (java.net.SocketException e) {
                // The service may answer and close before reading a body it refuses (413, 429), as HTTP allows;
                // a client then reads that answer, and so do we: it is judged like any other.
                try {
                    return parse(socket.getInputStream().readAllBytes());
                } catch (IOException unread) {
                    e.addSuppressed(unread);
                    throw e;
                }
            }
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new TreeMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(new java.io.ByteArrayInputStream(rest));
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            var size = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    return out.toByteArray();
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.read();
            in.read();
        }
    }
}
