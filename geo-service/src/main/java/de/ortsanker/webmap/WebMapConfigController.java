package de.ortsanker.webmap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.features.CollectionDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
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
 * to start, and each layer with its labels and the addresses a GIS uses for it — OGC API Features items
 * and TileJSON — listed only where this service really serves them.
 */
@RestController
@EnableConfigurationProperties(WebMapSettings.class)
@Tag(name = "Web map", description = "Configuration and type-ahead for the web map at /map/")
class WebMapConfigController {

    /** The groups citizens filter by, in their order, with both languages' labels. */
    static final String GROUPS = "select code, label_de, label_en from kind_groups order by position";

    private final WebMapSettings settings;
    private final NamedParameterJdbcTemplate jdbc;
    private final List<CollectionDefinition> collections;
    private final ServedPaths served;
    private final StartView startView;

    WebMapConfigController(WebMapSettings settings, NamedParameterJdbcTemplate jdbc, List<CollectionDefinition> collections,
                           ServedPaths served, StartView startView) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.collections = collections;
        this.served = served;
        this.startView = startView;
    }

    @GetMapping(path = "/map/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The web map's configuration: basemap, start view, layers and their OGC API / TileJSON URLs")
    ResponseEntity<Config> config() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<Layer> layers = new ArrayList<>();
        jdbc.query(GROUPS, rs -> {
            String code = rs.getString("code");
            layers.add(layer(base, code, rs.getString("label_de"), rs.getString("label_en"), true));
        });
        layers.add(layer(base, "villages", "Orte", "Villages", false));
        layers.add(layer(base, "municipalities", "Gemeinden", "Municipalities", false));
        Basemap basemap = settings.basemapUrl().isEmpty() ? null
                : new Basemap(settings.basemapUrl(), settings.basemapAttribution(), settings.basemapMaxZoom());
        // Short-lived: an operator's change of basemap or data extent shows within minutes.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(new Config(basemap, startView.bbox(), layers));
    }

    private Layer layer(String base, String code, String de, String en, boolean placeGroup) {
        // The OGC collection publishing exactly this layer, if any (ids are the features package's choice).
        CollectionDefinition collection = collections.stream()
                .filter(c -> c.layers().size() == 1 && c.layers().contains(placeGroup ? code : layerOf(code)))
                .filter(c -> placeGroup || c.id().equals(code))
                .findFirst().orElse(null);
        String items = null;
        if (collection != null && served.serves("/collections/" + collection.id() + "/items")) {
            items = base + "/collections/" + collection.id() + "/items";
        }
        String tileJson = served.serves("/tiles/" + code + ".json") ? base + "/tiles/" + code + ".json" : null;
        return new Layer(code, de, en, placeGroup, collection == null ? null : collection.id(), items, tileJson);
    }

    /** The data layer (data_versions) behind the non-place collections. */
    private static String layerOf(String collection) {
        return switch (collection) {
            case "villages" -> "localities";
            case "municipalities" -> "admin_areas";
            default -> collection;
        };
    }

    record Config(Basemap basemap, @io.swagger.v3.oas.annotations.media.Schema(
            description = "minLon, minLat, maxLon, maxLat of the first view") double[] start, List<Layer> layers) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Basemap(String url, String attribution, int maxZoom) {
    }

    /**
     * One layer: its code (a kind group for places, usable as {@code kinds=} and as tile layer id), labels,
     * and where a GIS gets it.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Layer(String code, String labelDe, String labelEn, boolean places, String collection, String itemsUrl,
                 String tilejsonUrl) {
    }
}
