package de.ortsanker.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.filter.PublicPlaces;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the data in a set of layers looks like as a whole: where it lies (bounds) and where it comes from
 * (attribution and licence, most frequent first). Read from the rows the tiles draw, once per state.
 */
final class LayerMetadata {

    /** One source of the data: its attribution and licence, and how many features carry them. */
    record Origin(String attribution, String licence, long features) {
    }

    /** Bounds in WGS 84 (west, south, east, north), or null when the layers hold nothing. */
    record Summary(double[] bounds, List<Origin> origins) {
    }

    // The rows the tiles draw (see TileQuery), grouped by origin.
    private static final String ORIGINS = """
            select %1$s, %2$s, count(*), ST_XMin(ST_Extent(%3$s)), ST_YMin(ST_Extent(%3$s)),
                   ST_XMax(ST_Extent(%3$s)), ST_YMax(ST_Extent(%3$s))
              from %4$s
             where %5$s
             group by 1, 2""";

    private final DataSource dataSource;
    private final Cache<String, Summary> cache = Caffeine.newBuilder().maximumSize(200).build();
    private final Cache<String, double[]> extents = Caffeine.newBuilder().maximumSize(200).build();

    LayerMetadata(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Summary of(String tileset, List<TileLayer> layers, Tiles.State state) {
        return cache.get(tileset + "@" + state.token(), k -> read(layers, state.day()));
    }

    private Summary read(List<TileLayer> layers, LocalDate day) {
        var origins = new LinkedHashMap<List<String>, Long>();
        double[] bounds = null;
        try (Connection c = dataSource.getConnection()) {
            for (TileLayer layer : layers) {
                var source = layer.layer().source();
                SqlFilter visible = PublicPlaces.on(day);
                SqlFilter rows = layer.isPlaces()
                        ? new SqlFilter(layer.layer().kindsSql() + " and " + visible.sql(), visible.parameters())
                        : new SqlFilter(source.existing(), List.of());
                try (PreparedStatement ps = c.prepareStatement(ORIGINS.formatted(source.attributionColumn(),
                        source.licenceColumn(), source.geometry(), source.from(), rows.sql()))) {
                    rows.bind(ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            origins.merge(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum);
                            bounds = union(bounds, new double[] {rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)});
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the layers' extent and attribution: " + e.getMessage(), e);
        }
        var list = new ArrayList<Origin>();
        for (Map.Entry<List<String>, Long> e : origins.entrySet()) {
            list.add(new Origin(e.getKey().get(0), e.getKey().get(1), e.getValue()));
        }
        list.sort((a, b) -> Long.compare(b.features(), a.features()));
        return new Summary(bounds, List.copyOf(list));
    }

    /**
     * The summary's bounds in a grid's CRS (west, south, east, north), the box densified before it is
     * transformed (in UTM its edges are curves); null when there is no data.
     */
    double[] extentIn(Summary summary, TileMatrixSet grid) {
        double[] b = summary.bounds();
        if (b == null) {
            return null;
        }
        return extents.get(grid.id() + Arrays.toString(b), k -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                      from (select ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), 0.01), ?) e) s""")) {
                ps.setDouble(1, b[0]);
                ps.setDouble(2, Math.max(b[1], -85.05));
                ps.setDouble(3, b[2]);
                ps.setDouble(4, Math.min(b[3], 85.05));
                ps.setInt(5, grid.srid());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot transform the layers' extent: " + e.getMessage(), e);
            }
        });
    }

    private static double[] union(double[] a, double[] b) {
        return a == null ? b : new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
    }
}
