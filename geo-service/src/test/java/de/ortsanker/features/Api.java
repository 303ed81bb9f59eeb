package de.ortsanker.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the tests: GET with headers, JSON bodies as trees. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;

    Api(int port) {
        this.port = port;
    }

    String url(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? pathAndQuery : "http://localhost:" + port + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(url(pathAndQuery)));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET expecting 200 and JSON. */
    JsonNode json(String pathAndQuery, String... headers) {
        var r = get(pathAndQuery, headers);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode link(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asText().equals(rel) && (type == null || l.path("type").asText().equals(type))) {
                return l;
            }
        }
        return null;
    }

    static List<String> names(JsonNode featureCollection) {
        var names = new ArrayList<String>();
        featureCollection.path("features").forEach(f -> names.add(f.path("properties").path("name").asText()));
        return names;
    }

    static List<Long> ids(JsonNode featureCollection) {
        var ids = new ArrayList<Long>();
        featureCollection.path("features").forEach(f -> ids.add(f.path("id").asLong()));
        return ids;
    }
}
