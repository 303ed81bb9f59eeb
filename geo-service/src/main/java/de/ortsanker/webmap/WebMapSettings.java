package de.ortsanker.webmap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a deployment sets for the web map, from {@code ortsanker.webmap} in application.yml.
 *
 * @param basemapUrl         raster tile URL template ({z}/{x}/{y}) of the background map; empty: none
 * @param basemapAttribution the attribution its provider requires, shown on the map (plain text)
 * @param basemapMaxZoom     highest zoom the basemap serves
 * @param startBbox          the view a visitor without a shared link sees first (minLon,minLat,maxLon,maxLat);
 *                           empty: the extent of the data
 */
@ConfigurationProperties("ortsanker.webmap")
public record WebMapSettings(String basemapUrl, String basemapAttribution, Integer basemapMaxZoom, String startBbox) {

    public WebMapSettings {
        basemapUrl = basemapUrl == null ? "" : basemapUrl.strip();
        basemapAttribution = basemapAttribution == null ? "" : basemapAttribution.strip();
        basemapMaxZoom = basemapMaxZoom == null ? 19 : basemapMaxZoom;
        startBbox = startBbox == null ? "" : startBbox.strip();
    }
}
