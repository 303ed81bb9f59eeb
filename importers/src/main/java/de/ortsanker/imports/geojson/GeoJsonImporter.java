package de.ortsanker.imports.geojson;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.features.FeatureMapper;
import de.ortsanker.imports.features.SourceFeature;
import de.ortsanker.imports.geometry.Crs;
import de.ortsanker.imports.geometry.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports GeoJSON (RFC 7946, older files with a "crs" member, newline-delimited features). Properties are
 * mapped by name ({@link FeatureMapper}); a feature's "id" is its source id unless --id names a property.
 */
public final class GeoJsonImporter implements FileImporter {

    /** The property under which a feature's own "id" member is offered to the column mapping. */
    static final String FEATURE_ID = "@id";

    private final Path file;
    private final boolean collection;
    private final Crs crs;
    private final FeatureMapper mapper;

    public GeoJsonImporter(Path file, ImportOptions options) throws IOException {
        this.file = file;
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            collection = GeoJsonReader.isCollection(name, in);
        }
        List<String> columns = new ArrayList<>();
        boolean areal;
        Integer declared;
        try (var reader = new GeoJsonReader(name, Files.newInputStream(file), collection)) {
            declared = reader.crs();
            GeoJsonReader.Feature first = reader.next(true);
            if (first == null) {
                throw new ImportFailure(name + ": holds no features: nothing was changed");
            }
            if (first.id() != null) {
                columns.add(FEATURE_ID);
            }
            columns.addAll(first.properties().keySet());
            areal = first.geometry() != null && Shapes.isArea(first.geometry());
        }
        Integer code = options.crs() != null ? options.crs() : declared != null ? declared : Crs.WGS84;
        try {
            this.crs = Crs.epsg(code);
        } catch (IllegalArgumentException e) {
            throw new ImportFailure(e.getMessage());
        }
        this.mapper = FeatureMapper.of(options, columns, areal, name);
    }

    @Override
    public String format() {
        return "geojson";
    }

    @Override
    public Set<Target> targets() {
        return Set.of(mapper.target());
    }

    @Override
    public Defaults defaults() {
        return mapper.defaults();
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = file.getFileName().toString();
        mapper.describe(context, "CRS " + crs);
        try (var reader = new GeoJsonReader(name, context.open(file), collection)) {
            GeoJsonReader.Feature f;
            while ((f = reader.next(true)) != null) {
                Origin origin = Origin.feature(name, f.index(), f.line());
                if (f.geometryProblem() != null) {
                    context.reject(origin, "geometry", f.geometryProblem(), mapper.target());
                    continue;
                }
                Map<String, Object> properties = f.properties();
                if (f.id() != null) {
                    properties = new LinkedHashMap<>(properties);
                    properties.put(FEATURE_ID, f.id());
                }
                mapper.accept(new SourceFeature(origin, properties, f.geometry()), crs, context);
            }
        }
    }
}
