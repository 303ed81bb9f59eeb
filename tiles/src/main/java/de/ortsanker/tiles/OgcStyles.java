package de.ortsanker.tiles;

import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API Styles (draft 20-009): one style, {@code ortsanker}, for the whole map and per collection, in two
 * encodings — the MapLibre style ({@code f=mbs}, what Masterportal and MapLibre draw) and SLD 1.1 / SE 1.1
 * ({@code f=sld11}, what QGIS loads natively for a layer from OGC API Features or the tiles). Both are made
 * from the catalogue's colours and {@link MapStyle}'s cluster classes, so they draw alike.
 *
 * <ul>
 * <li>{@code /styles}, {@code /styles/{styleId}?f=mbs|sld11}</li>
 * <li>{@code /collections/{collectionId}/styles}, {@code /collections/{collectionId}/styles/{styleId}?f=mbs|sld11}</li>
 * </ul>
 */
@RestController
public class OgcStyles {

    static final String STYLE = "ortsanker";
    static final String MBS = "application/vnd.mapbox.style+json";
    static final String SLD = "application/vnd.ogc.sld+xml;version=1.1";

    /** Conformance classes of OGC API Styles these endpoints implement (for the service's /conformance). */
    public static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-styles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-styles-1/1.0/conf/mapbox-styles",
            "http://www.opengis.net/spec/ogcapi-styles-1/1.0/conf/sld-11");

    private final String glyphs;

    public OgcStyles(TilesConfiguration.StyleGlyphs glyphs) {
        this.glyphs = glyphs.url();
    }

    @GetMapping(path = "/styles", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> styles() {
        return list("/styles", "Ortsanker");
    }

    @GetMapping("/styles/{styleId}")
    public ResponseEntity<?> style(@PathVariable String styleId, HttpServletRequest request) {
        requireStyle(styleId);
        return encoded(TileLayers.all(), request);
    }

    @GetMapping(path = "/collections/{collectionId}/styles", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> collectionStyles(@PathVariable String collectionId) {
        TileLayer layer = layer(collectionId);
        return list("/collections/" + layer.id() + "/styles", layer.title());
    }

    @GetMapping("/collections/{collectionId}/styles/{styleId}")
    public ResponseEntity<?> collectionStyle(@PathVariable String collectionId, @PathVariable String styleId,
                                             HttpServletRequest request) {
        TileLayer layer = layer(collectionId);
        requireStyle(styleId);
        return encoded(List.of(layer), request);
    }

    private ResponseEntity<?> encoded(List<TileLayer> layers, HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f == null || f.equals("mbs")) {
            MapStyle all = MapStyle.of(TileResponses.baseUrl(), glyphs);
            var ids = layers.stream().map(TileLayer::id).toList();
            var style = new MapStyle(all.version(), all.name(), all.glyphs(), all.sources(),
                    all.layers().stream().filter(l -> ids.contains(l.sourceLayer())).toList());
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(MBS)).body(style);
        }
        if (f.equals("sld11")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(SLD))
                    .body(sld(layers).getBytes(StandardCharsets.UTF_8));
        }
        throw new InvalidParameter("f", "'" + f + "' is not a style encoding here; use mbs (MapLibre) or sld11 (SLD 1.1)");
    }

    private static Map<String, Object> list(String path, String title) {
        String base = TileResponses.baseUrl();
        var style = new LinkedHashMap<String, Object>();
        style.put("id", STYLE);
        style.put("title", title + ": the catalogue's colours, clusters sized by their count");
        style.put("links", List.of(
                OgcTiles.link("stylesheet", base + path + "/" + STYLE + "?f=mbs", MBS, "MapLibre style"),
                OgcTiles.link("stylesheet", base + path + "/" + STYLE + "?f=sld11", SLD, "SLD 1.1 (QGIS)")));
        var list = new LinkedHashMap<String, Object>();
        list.put("default", STYLE);
        list.put("styles", List.of(style));
        list.put("links", List.of(OgcTiles.link("self", base + path, "application/json", "Styles")));
        return list;
    }

    /**
     * SLD 1.1 with Symbology Encoding 1.1: a named layer per collection; points as circles in the layer's
     * colour, a rule per cluster class of {@code count} (a single feature has none or 1), areas as dashed
     * outlines.
     */
    static String sld(List<TileLayer> layers) {
        var x = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"
                    xmlns:ogc="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
                """);
        for (TileLayer layer : layers) {
            String colour = layer.layer().map().colour();
            x.append("  <NamedLayer>\n    <se:Name>").append(layer.id()).append("</se:Name>\n    <UserStyle>\n")
                    .append("      <se:Name>").append(STYLE).append("</se:Name>\n      <se:FeatureTypeStyle>\n");
            if (!layer.clusters()) {
                x.append("""
                                <se:Rule>
                                  <se:Name>%s</se:Name>
                                  <se:PolygonSymbolizer>
                                    <se:Stroke>
                                      <se:SvgParameter name="stroke">%s</se:SvgParameter>
                                      <se:SvgParameter name="stroke-width">1</se:SvgParameter>
                                      <se:SvgParameter name="stroke-dasharray">3 2</se:SvgParameter>
                                    </se:Stroke>
                                  </se:PolygonSymbolizer>
                                </se:Rule>
                        """.formatted(escape(layer.title()), colour));
            } else {
                x.append(pointRule(layer.title(), "<ogc:Or><ogc:PropertyIsNull><ogc:PropertyName>count</ogc:PropertyName>"
                        + "</ogc:PropertyIsNull><ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>count</ogc:PropertyName>"
                        + "<ogc:Literal>1</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo></ogc:Or>", colour,
                        layer.isPlaces() ? 5 : 3));
                for (int[] c : MapStyle.CLUSTER_CLASSES) {
                    String filter = "<ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>count</ogc:PropertyName><ogc:Literal>"
                            + c[0] + "</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>";
                    if (c[1] != Integer.MAX_VALUE) {
                        filter = "<ogc:And>" + filter + "<ogc:PropertyIsLessThan><ogc:PropertyName>count</ogc:PropertyName>"
                                + "<ogc:Literal>" + c[1] + "</ogc:Literal></ogc:PropertyIsLessThan></ogc:And>";
                    }
                    x.append(pointRule(layer.title() + " (" + c[0] + (c[1] == Integer.MAX_VALUE ? "+" : "–" + (c[1] - 1))
                            + ")", filter, colour, c[2]));
                }
            }
            x.append("      </se:FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n");
        }
        return x.append("</StyledLayerDescriptor>\n").toString();
    }

    private static String pointRule(String name, String filter, String colour, int radius) {
        return """
                        <se:Rule>
                          <se:Name>%s</se:Name>
                          <ogc:Filter>%s</ogc:Filter>
                          <se:PointSymbolizer>
                            <se:Graphic>
                              <se:Mark>
                                <se:WellKnownName>circle</se:WellKnownName>
                                <se:Fill><se:SvgParameter name="fill">%s</se:SvgParameter></se:Fill>
                                <se:Stroke>
                                  <se:SvgParameter name="stroke">#ffffff</se:SvgParameter>
                                  <se:SvgParameter name="stroke-width">1</se:SvgParameter>
                                </se:Stroke>
                              </se:Mark>
                              <se:Size>%d</se:Size>
                            </se:Graphic>
                          </se:PointSymbolizer>
                        </se:Rule>
                """.formatted(escape(name), filter, colour, 2 * radius);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void requireStyle(String id) {
        if (!STYLE.equals(id)) {
            throw new NotFound("there is no style '" + id + "'; there is " + STYLE);
        }
    }

    private static TileLayer layer(String collectionId) {
        return TileLayers.byId(collectionId).orElseThrow(() -> new NotFound("collection '" + collectionId
                + "' has no styles; collections with styles: "
                + String.join(", ", TileLayers.all().stream().map(TileLayer::id).toList())));
    }
}
