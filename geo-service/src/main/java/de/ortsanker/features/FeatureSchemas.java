package de.ortsanker.features;

import de.ortsanker.catalogue.Field;
import de.ortsanker.catalogue.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a collection's features hold, for clients that build forms, filter tools and columns before (or
 * without) reading data — Masterportal's filter, QGIS, GDAL: the returnables as JSON Schema 2020-12 (OGC API
 * Features Part 5, {@code /collections/{id}/schema}) and, for GDAL's OAPIF driver up to 3.8, which reads only
 * an XML schema for the geometry type, the same as a GML application schema. Both are made from the
 * collection's properties (for the catalogue's layers: the catalogue's fields), never from a list of their own.
 */
final class FeatureSchemas {

    /** Part 5's link relation to the schema of the returnables. */
    static final String SCHEMA_REL = "http://www.opengis.net/def/rel/ogc/1.0/schema";
    static final String XSD_TYPE = "application/xml";
    private static final String JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final String GML = "http://www.opengis.net/gml/3.2";
    private static final String NAMESPACE = "https://ortsanker.de/ns/features";

    private FeatureSchemas() {
    }

    /**
     * The returnables (Part 5 {@code /req/returnables-and-receivables}): every property a feature carries
     * (null included), with German titles and English descriptions from the catalogue, the allowed values as
     * {@code enum}, and OGC's roles for the id, the geometry and the validity period.
     */
    static Map<String, Object> returnables(CollectionDefinition c, RequestUrls urls) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("id", property("Kennung", "Identifier of the feature, stable across imports", "integer",
                null, "id"));
        var geometry = new LinkedHashMap<String, Object>();
        geometry.put("title", "Geometrie");
        geometry.put("description", "The feature's geometry, in the CRS asked for (default WGS 84 longitude/latitude)");
        geometry.put("format", geometryFormat(c.geometryType()));
        geometry.put("x-ogc-role", "primary-geometry");
        properties.put("geometry", geometry);
        int sequence = 1;
        for (Field f : c.properties()) {
            var p = property(f.label().de(), f.label().en(), f.type().jsonType(), f.type().jsonFormat(), role(c, f));
            if (f.type() == FieldType.STRING_ARRAY) {
                p.put("items", Map.of("type", "string"));
            }
            if (!f.values().isEmpty()) {
                p.put("enum", f.values());
            }
            p.put("x-ogc-propertySeq", sequence++);
            properties.put(f.name(), p);
        }
        for (var provenance : PROVENANCE) {
            var p = property(provenance.get(1), provenance.get(2), "string", null, null);
            p.put("x-ogc-propertySeq", sequence++);
            properties.put(provenance.get(0), p);
        }
        var schema = new LinkedHashMap<String, Object>();
        schema.put("$schema", JSON_SCHEMA);
        schema.put("$id", urls.to("/collections/" + c.id() + "/schema", Map.of()));
        schema.put("type", "object");
        schema.put("title", c.title());
        schema.put("description", c.description());
        schema.put("properties", properties);
        return schema;
    }

    /** Every feature's provenance, after its properties: name, German title, English description. */
    private static final List<List<String>> PROVENANCE = List.of(
            List.of("source", "Quelle", "Where the record comes from (the source's code)"),
            List.of("licence", "Lizenz", "The licence of the record"),
            List.of("attribution", "Namensnennung", "Whom to credit when the record is shown"));

    private static LinkedHashMap<String, Object> property(String title, String description, String type, String format,
            String role) {
        var p = new LinkedHashMap<String, Object>();
        p.put("title", title);
        p.put("description", description);
        p.put("type", type);
        if (format != null) {
            p.put("format", format);
        }
        if (role != null) {
            p.put("x-ogc-role", role);
        }
        if ("id".equals(role)) {
            p.put("readOnly", true);
        }
        return p;
    }

    /**
     * A place's validity period is the primary interval: {@code datetime} selects by it (the public rule reads
     * the same columns, see {@link CollectionDefinition#temporal()}).
     */
    private static String role(CollectionDefinition c, Field f) {
        if (!c.temporal()) {
            return null;
        }
        return f.sql().equals("p.valid_from") ? "primary-interval-start"
                : f.sql().equals("p.valid_to") ? "primary-interval-end" : null;
    }

    private static String geometryFormat(String geoJsonType) {
        return geoJsonType == null ? "geometry-any" : "geometry-" + geoJsonType.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The same as a GML 3.2 application schema: one feature type with a geometry property of the
     * collection's type and an element per property. GDAL's OAPIF driver (3.6 in Debian 12, what county GIS
     * teams run) takes columns and geometry type from an XML schema linked as {@code describedBy}, so an empty
     * collection opens with its fields and geometry type, and a column null on the first page keeps its type.
     */
    static String gmlApplicationSchema(CollectionDefinition c) {
        var x = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:gml="%s" xmlns:oa="%s"
                           targetNamespace="%s" elementFormDefault="qualified" version="1.0">
                  <xs:import namespace="%s" schemaLocation="http://schemas.opengis.net/gml/3.2.1/gml.xsd"/>
                  <xs:element name="%s" type="oa:%sType" substitutionGroup="gml:AbstractFeature"/>
                  <xs:complexType name="%sType">
                    <xs:complexContent>
                      <xs:extension base="gml:AbstractFeatureType">
                        <xs:sequence>
                """.formatted(GML, NAMESPACE, NAMESPACE, GML, c.id(), c.id(), c.id()));
        element(x, "geometry", gmlGeometry(c.geometryType()), false);
        for (Field f : c.properties()) {
            element(x, f.name(), xsdType(f.type()), f.type() == FieldType.STRING_ARRAY);
        }
        for (var provenance : PROVENANCE) {
            element(x, provenance.get(0), "xs:string", false);
        }
        return x.append("""
                        </xs:sequence>
                      </xs:extension>
                    </xs:complexContent>
                  </xs:complexType>
                </xs:schema>
                """).toString();
    }

    private static void element(StringBuilder x, String name, String type, boolean list) {
        x.append("            <xs:element name=\"").append(name).append("\" type=\"").append(type)
                .append("\" minOccurs=\"0\"").append(list ? " maxOccurs=\"unbounded\"" : " nillable=\"true\"")
                .append("/>\n");
    }

    private static String xsdType(FieldType type) {
        return switch (type) {
            case INTEGER -> "xs:integer";
            case NUMBER -> "xs:double";
            case BOOLEAN -> "xs:boolean";
            case DATE -> "xs:date";
            case TIMESTAMP -> "xs:dateTime";
            case STRING, STRING_ARRAY, OBJECT -> "xs:string"; // an object arrives as its JSON text
        };
    }

    private static String gmlGeometry(String geoJsonType) {
        if (geoJsonType == null) {
            return "gml:GeometryPropertyType";
        }
        return switch (geoJsonType) {
            case "Point" -> "gml:PointPropertyType";
            case "MultiPoint" -> "gml:MultiPointPropertyType";
            case "LineString" -> "gml:CurvePropertyType";
            case "MultiLineString" -> "gml:MultiCurvePropertyType";
            case "Polygon" -> "gml:SurfacePropertyType";
            case "MultiPolygon" -> "gml:MultiSurfacePropertyType";
            default -> "gml:GeometryPropertyType";
        };
    }
}
