package de.ortsanker.webmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.features.FeatureCollections;
import de.ortsanker.planning.timetable.Timetables;
import de.ortsanker.routing.Networks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the web map's pages need to know before they draw: the basemap (configurable, may be none), where
 * to start, and each layer of the catalogue with its labels, colour and the addresses a GIS uses for it —
 * OGC API Features items and TileJSON — listed only where this service really serves them. The layers'
 * colours also come as a small stylesheet, so the pages hold no second copy of them.
 */
@RestController
@EnableConfigurationProperties(WebMapSettings.class)
@Tag(name = "Web map", description = "Configuration and type-ahead for the web map at /map/")
class WebMapConfigController {

    private final WebMapSettings settings;
    private final FeatureCollections collections;
    private final ServedPaths served;
    private final StartView startView;
    private final NamedParameterJdbcTemplate jdbc;
    private final Networks networks;
    private final Timetables timetables;

    /** The vocabulary's labels (the kinds table is their authority; de.ortsanker.vocabulary.Kind mirrors it). */
    static final String KIND_LABELS = "select code, label_de, label_en from kinds";

    WebMapConfigController(WebMapSettings settings, FeatureCollections collections, ServedPaths served,
                           StartView startView, NamedParameterJdbcTemplate jdbc, Networks networks,
                           Timetables timetables) {
        this.settings = settings;
        this.collections = collections;
        this.served = served;
        this.startView = startView;
        this.jdbc = jdbc;
        this.networks = networks;
        this.timetables = timetables;
    }

    @GetMapping(path = "/map/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The web map's configuration: basemap, start view, layers and their OGC API / TileJSON URLs")
    ResponseEntity<Config> config() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, KindLabel> labels = new HashMap<>();
        jdbc.query(KIND_LABELS, rs -> {
            labels.put(rs.getString(1), new KindLabel(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        List<Layer> layers = Catalogue.all().stream().map(l -> layer(base, l, labels)).toList();
        Basemap basemap = settings.basemapUrl().isEmpty() ? null
                : new Basemap(settings.basemapUrl(), settings.basemapAttribution(), settings.basemapMaxZoom());
        // Short-lived: an operator's change of basemap or data extent, a network built or a timetable
        // imported shows within minutes.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(new Config(basemap, startView.bbox(), layers, planningModes()));
    }

    /**
     * What the planning API can answer now: a straight line always; on foot and by bike once the networks are
     * built (the same test the planning answers' 503 makes); by transit when a timetable is imported too (the
     * same rule as transit's 400, Timetables.Validity.imported).
     */
    List<String> planningModes() {
        if (networks.missing() != null) {
            return List.of("straight");
        }
        return timetables.validity().imported() ? List.of("straight", "walk", "bike", "transit")
                : List.of("straight", "walk", "bike");
    }

    /**
     * The layers' colours for the pages: a custom property and a background class per layer id
     * ({@code --clubs}, {@code .om-clubs}), from the catalogue like the map style's.
     */
    @GetMapping(path = "/map/layers.css", produces = "text/css")
    @Operation(summary = "The layers' colours as CSS (custom properties and .om-<layer> classes)")
    ResponseEntity<String> layerColours() {
        var css = new StringBuilder("/* Made from the layer catalogue (de.ortsanker.catalogue). */\n:root {");
        Catalogue.all().stream().filter(l -> l.map() != null)
                .forEach(l -> css.append(" --").append(l.id()).append(": ").append(l.map().colour()).append(';'));
        css.append(" }\n");
        Catalogue.all().stream().filter(l -> l.map() != null)
                .forEach(l -> css.append(".om-").append(l.id()).append(" { background: var(--").append(l.id()).append("); }\n"));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .contentType(MediaType.valueOf("text/css")).body(css.toString());
    }

    private Layer layer(String base, de.ortsanker.catalogue.Layer layer, Map<String, KindLabel> labels) {
        String path = "/collections/" + layer.id() + "/items";
        boolean published = collections.all().stream().anyMatch(c -> c.id().equals(layer.id()));
        String items = published && served.serves(path) ? base + path : null;
        String tileJson = layer.inTiles() && served.serves("/tiles/" + layer.id() + ".json")
                ? base + "/tiles/" + layer.id() + ".json" : null;
        return new Layer(layer.id(), layer.title().de(), layer.title().en(), layer.isPlaces(),
                layer.map() == null ? null : layer.map().colour(), published ? layer.id() : null, items, tileJson,
                layer.kinds().stream().map(k -> labels.getOrDefault(k.code(), new KindLabel(k.code(), k.code(), k.code())))
                        .toList());
    }

    record Config(Basemap basemap, @io.swagger.v3.oas.annotations.media.Schema(
            description = "minLon, minLat, maxLon, maxLat of the first view") double[] start, List<Layer> layers,
                  @JsonProperty("planning_modes") @io.swagger.v3.oas.annotations.media.ArraySchema(
                          schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"straight", "walk",
                                  "bike", "transit"}),
                          arraySchema = @io.swagger.v3.oas.annotations.media.Schema(description = "How /planning rules"
                                  + " can measure now: straight always; walk and bike once the walking and cycling"
                                  + " networks are built; transit once, in addition, a GTFS timetable is imported"
                                  + " (else a transit rule is a 400)")) List<String> planningModes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Basemap(String url, String attribution, int maxZoom) {
    }

    /**
     * One layer of the catalogue: its id (for places usable as {@code kinds=}; also the OGC collection and
     * tile layer id), labels, colour, where a GIS gets it, and its kinds (each also usable as {@code kinds=}
     * and in {@code /embed?layers=}).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Layer(String code, String labelDe, String labelEn, boolean places, String colour, String collection,
                 String itemsUrl, String tilejsonUrl, List<KindLabel> kinds) {
    }

    /** A kind of the vocabulary with its labels. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KindLabel(String code, String labelDe, String labelEn) {
    }
}
