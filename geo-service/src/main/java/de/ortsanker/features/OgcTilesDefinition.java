package de.ortsanker.features;

import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.catalogue.Layer;
import de.ortsanker.tiles.TileMatrixSet;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The OGC API Tiles paths in the API definition as OGC API Tiles 1.0 describes them (what its test suite
 * reads): its operation ids ({@code dataset.vector.getTile} …), {@code tileRow} and {@code tileCol} as
 * integers, the tile matrix set ids and collection ids as the values they may take, tiles as MVT. The tiles
 * module's controllers stay free of API-description annotations; their paths are described here.
 */
@Component
class OgcTilesDefinition implements OpenApiCustomizer {

    private static final String TILES = "OGC API Tiles";
    private static final Map<String, String> OPERATIONS = Map.of(
            "/tileMatrixSets", "getTileMatrixSetsList",
            "/tileMatrixSets/{tileMatrixSetId}", "getTileMatrixSet",
            "/tiles", "dataset.vector.getTileSetsList",
            "/tiles/{tileMatrixSetId}", "dataset.vector.getTileSet",
            "/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", "dataset.vector.getTile",
            "/collections/{collectionId}/tiles", "collection.vector.getTileSetsList",
            "/collections/{collectionId}/tiles/{tileMatrixSetId}", "collection.vector.getTileSet",
            "/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
            "collection.vector.getTile");

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        OPERATIONS.forEach((path, id) -> {
            PathItem item = api.getPaths().get(path);
            if (item == null || item.getGet() == null) {
                return;
            }
            Operation get = item.getGet();
            get.setOperationId(id);
            get.setTags(List.of(TILES));
            if (get.getParameters() != null) {
                get.getParameters().forEach(OgcTilesDefinition::describe);
            }
            if (id.endsWith("getTile")) {
                get.addParametersItem(new Parameter().in("query").name("collections").required(false)
                        .description("Only these collections (comma-separated collection ids); all without it")
                        .style(Parameter.StyleEnum.FORM).explode(false)
                        .schema(new ArraySchema().items(enumeration(Catalogue.all().stream().map(Layer::id).toList()))));
                get.getResponses().addApiResponse("200", new ApiResponse().description("A tile (Mapbox Vector Tile)")
                        .content(new Content().addMediaType("application/vnd.mapbox-vector-tile",
                                new MediaType().schema(new Schema<>().type("string").format("binary")))));
                get.getResponses().addApiResponse("204", new ApiResponse().description("The tile holds nothing"));
                get.getResponses().addApiResponse("404", new ApiResponse().description("No such tile in the grid"));
            }
        });
    }

    private static void describe(Parameter p) {
        switch (p.getName()) {
            case "tileRow", "tileCol" -> p.schema(new IntegerSchema().minimum(BigDecimal.ZERO))
                    .description(p.getName().equals("tileRow") ? "Row of the tile, from the top" : "Column of the tile, from the left");
            case "tileMatrix" -> p.schema(new StringSchema()).description("Id of the tile matrix (level), e.g. 12");
            case "tileMatrixSetId" -> p.schema(enumeration(TileMatrixSet.ALL.stream().map(TileMatrixSet::id).toList()))
                    .description("The tile grid: WebMercatorQuad, or AdV_25832 / AdV_25833 for portals in UTM");
            case "collectionId" -> p.schema(enumeration(Catalogue.tiles().stream().map(Layer::id).toList()))
                    .description("A collection with vector tiles");
            default -> {
            }
        }
    }

    private static StringSchema enumeration(List<String> values) {
        var s = new StringSchema();
        values.forEach(s::addEnumItem);
        return s;
    }
}
