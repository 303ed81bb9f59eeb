package de.ortsanker.tiles;

import de.ortsanker.database.Bulkhead;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tile service's settings (application.yml, {@code ortsanker.tiles.*}, from the environment):
 * memory cache size, optional disk cache, cluster zoom, client cache lifetime, style fonts.
 */
@Configuration
public class TilesConfiguration {

    /** Where the style's fonts (MapLibre glyphs) are, for writing counts on clusters; empty for none. */
    public record StyleGlyphs(String url) {
    }

    @Bean
    Tiles tiles(DataSource dataSource,
                @Value("${ortsanker.tiles.cache-mb:128}") long cacheMb,
                @Value("${ortsanker.tiles.disk-cache:}") String diskCache,
                @Value("${ortsanker.tiles.cluster-below-zoom:12}") int clusterBelowZoom,
                @Value("${ortsanker.tiles.max-age:0}") int maxAgeSeconds,
                @Value("${ortsanker.requests.tiles.concurrency:3}") int renderConcurrency,
                @Value("${ortsanker.requests.tiles.wait:1s}") Duration renderWait,
                @Value("${ortsanker.requests.tiles.bounded-below-zoom:12}") int boundedBelowZoom) {
        return new Tiles(dataSource, new TileSettings(cacheMb << 20,
                diskCache.isBlank() ? null : Path.of(diskCache), clusterBelowZoom, maxAgeSeconds),
                new Bulkhead("tiles", renderConcurrency, renderWait), boundedBelowZoom);
    }

    /** Tile requests answered ahead of Spring MVC (registered by Spring Boot as a servlet filter). */
    @Bean
    TileFastPath tileFastPath(Tiles tiles, BeanFactory beans) {
        return new TileFastPath(tiles, beans);
    }

    @Bean
    StyleGlyphs styleGlyphs(@Value("${ortsanker.tiles.style-glyphs:}") String url) {
        return new StyleGlyphs(url);
    }
}
