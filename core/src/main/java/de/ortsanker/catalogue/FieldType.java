package de.ortsanker.catalogue;

import de.ortsanker.cql2.Queryable;

/** What a field holds: decides its JSON Schema, how filters compare it, and how tiles and CSV write it. */
public enum FieldType {
    STRING(Queryable.Type.STRING, "string", "String"),
    INTEGER(Queryable.Type.INTEGER, "integer", "Number"),
    NUMBER(Queryable.Type.NUMBER, "number", "Number"),
    BOOLEAN(Queryable.Type.BOOLEAN, "boolean", "Boolean"),
    DATE(Queryable.Type.DATE, "string", "String"),
    TIMESTAMP(Queryable.Type.TIMESTAMP, "string", "String"),
    STRING_ARRAY(Queryable.Type.STRING_ARRAY, "array", null),
    OBJECT(null, "object", null);

    private final Queryable.Type queryableType;
    private final String jsonType;
    private final String tileJsonType;

    FieldType(Queryable.Type queryableType, String jsonType, String tileJsonType) {
        this.queryableType = queryableType;
        this.jsonType = jsonType;
        this.tileJsonType = tileJsonType;
    }

    /** The CQL2 type, or null when filters cannot compare it. */
    public Queryable.Type queryableType() {
        return queryableType;
    }

    /** The JSON Schema type ({@code string}, {@code integer}, …); dates and times are strings with a format. */
    public String jsonType() {
        return jsonType;
    }

    /** The JSON Schema {@code format} of dates and times, else null. */
    public String jsonFormat() {
        return this == DATE ? "date" : this == TIMESTAMP ? "date-time" : null;
    }

    /** TileJSON's field type (String, Number, Boolean), or null where vector tiles cannot hold it. */
    public String tileJsonType() {
        return tileJsonType;
    }
}
