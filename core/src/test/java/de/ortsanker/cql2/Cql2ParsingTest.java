package de.ortsanker.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.cql2.Queryable.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and translation without a database: structure, SQL shape, parameters and error messages. */
class Cql2ParsingTest {

    private static final Queryables Q = Queryables.of(
            Queryable.of("name", Type.STRING, "p.name"),
            Queryable.of("capacity", Type.INTEGER, "p.capacity"),
            Queryable.of("free_entry", Type.BOOLEAN, "p.free_entry"),
            Queryable.of("last_verified", Type.DATE, "p.last_verified"),
            Queryable.of("equipment", Type.STRING_ARRAY, "p.equipment"),
            Queryable.geometry("geometry", "p.geom", "p.geog"));

    private static SqlFilter text(String filter) {
        return SqlTranslator.toSql(Cql2.parseText(filter), Q);
    }

    private static SqlFilter json(String filter) {
        return SqlTranslator.toSql(Cql2.parseJson(filter), Q);
    }

    @Test
    void precedenceIsOrBelowAndBelowNot() {
        var e = Cql2.parseText("NOT name = 'a' OR capacity > 5 AND free_entry = true");
        assertThat(e).isInstanceOf(Expression.Or.class);
        var or = (Expression.Or) e;
        assertThat(or.operands().get(0)).isInstanceOf(Expression.Not.class);
        assertThat(or.operands().get(1)).isInstanceOf(Expression.And.class);
    }

    @Test
    void valuesBecomeParametersAndNamesBecomeTheirSql() {
        var f = text("name = 'Dorfgemeinschaftshaus Harsdorf' AND capacity >= 20");
        assertThat(f.sql()).isEqualTo("((p.name = ?) and (p.capacity >= ?))");
        assertThat(f.parameters()).containsExactly("Dorfgemeinschaftshaus Harsdorf", new BigDecimal("20"));
    }

    @Test
    void anInjectionAttemptStaysAValue() {
        var f = text("name = 'x''); drop table places; --'");
        assertThat(f.sql()).isEqualTo("(p.name = ?)").doesNotContain("drop");
        assertThat(f.parameters()).containsExactly("x'); drop table places; --");
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesMayBeQuoted() {
        assertThat(text("\"name\" like 'Dorf%' and not capacity between 1 and 10").sql())
                .isEqualTo("((p.name like ?) and not ((p.capacity between ? and ?)))");
    }

    @Test
    void notLikeNotInNotBetweenAndIsNotNull() {
        assertThat(text("name NOT LIKE '%Kneipe%'").sql()).isEqualTo("(p.name not like ?)");
        assertThat(text("capacity NOT IN (1, 2)").sql()).isEqualTo("(p.capacity not in (?, ?))");
        assertThat(text("capacity NOT BETWEEN 1 AND 2").sql()).isEqualTo("(p.capacity not between ? and ?)");
        assertThat(text("capacity IS NOT NULL").sql()).isEqualTo("(p.capacity is not null)");
    }

    @Test
    void caseAndAccentInsensitiveComparisons() {
        assertThat(text("CASEI(name) = casei('MÜHLE')").sql()).isEqualTo("(lower(p.name) = lower(?))");
        assertThat(text("ACCENTI(CASEI(name)) LIKE accenti(casei('muh%'))").sql())
                .isEqualTo("(cql2_accenti(lower(p.name)) like cql2_accenti(lower(?)))");
    }

    @Test
    void datesAndTimestamps() {
        var f = text("last_verified >= DATE('2024-01-31') AND last_verified < TIMESTAMP('2025-01-01T00:00:00Z')");
        assertThat(f.parameters().get(0)).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(f.parameters().get(1).toString()).isEqualTo("2025-01-01T00:00Z");
    }

    @Test
    void geometryLiteralsAreParametersEvaluatedOnce() {
        var f = text("S_INTERSECTS(geometry, POLYGON((11 50, 12 50, 12 51, 11 50)))");
        assertThat(f.sql()).isEqualTo("ST_Intersects(p.geom, (select ST_MakeValid(ST_GeomFromText(?, 4326))))");
        assertThat(f.parameters()).containsExactly("POLYGON((11.0 50.0,12.0 50.0,12.0 51.0,11.0 50.0))");
    }

    @Test
    void bboxAcrossTheAntimeridianIsTwoBoxes() {
        var f = text("S_INTERSECTS(geometry, BBOX(177, 65, -177, 70))");
        assertThat((String) f.parameters().get(0)).startsWith("MULTIPOLYGON(((177.0 65.0,180.0 65.0");
    }

    @Test
    void aLatitudeFirstFilterCrsSwapsAxesAndAProjectedOneIsTransformed() {
        var latLon = SqlTranslator.toSql(Cql2.parseText("S_INTERSECTS(geometry, POINT(50.03 11.57))"), Q,
                new LiteralCrs(4326, true, false));
        assertThat(latLon.parameters()).containsExactly("POINT(11.57 50.03)");
        var utm = SqlTranslator.toSql(Cql2.parseText("S_WITHIN(geometry, BBOX(680000, 5540000, 690000, 5550000))"), Q,
                new LiteralCrs(25832, false, true));
        assertThat(utm.sql()).contains("ST_Transform(ST_Segmentize(g, greatest(100, ")
                .contains("from (select ST_MakeValid(ST_GeomFromText(?, 25832)) g)");
    }

    @Test
    void dwithinMeasuresMetresOnTheIndexedGeography() {
        var f = text("S_DWITHIN(geometry, POINT(11.57 50.03), 2, 'km')");
        assertThat(f.sql()).isEqualTo("ST_DWithin(p.geog, (select ST_MakeValid(ST_GeomFromText(?, 4326))::geography), ?)");
        assertThat(f.parameters()).containsExactly("POINT(11.57 50.03)", 2000.0);
    }

    @Test
    void arrayFunctions() {
        var f = text("A_CONTAINS(equipment, ('wifi', 'kitchen'))");
        assertThat(f.sql()).isEqualTo("(p.equipment @> cast(? as text[]))");
        assertThat((String[]) f.parameters().get(0)).containsExactly("wifi", "kitchen");
    }

    @Test
    void jsonAndTextMeanTheSame() {
        String[][] pairs = {
            {"name = 'Harsdorf' AND capacity > 5",
             "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"Harsdorf\"]},"
                + "{\"op\":\">\",\"args\":[{\"property\":\"capacity\"},5]}]}"},
            {"NOT name LIKE 'foo%'", "{\"op\":\"not\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"foo%\"]}]}"},
            {"capacity IN (1, 2, 3)", "{\"op\":\"in\",\"args\":[{\"property\":\"capacity\"},[1,2,3]]}"},
            {"capacity BETWEEN 10 AND 20", "{\"op\":\"between\",\"args\":[{\"property\":\"capacity\"},10,20]}"},
            {"capacity IS NULL", "{\"op\":\"isNull\",\"args\":[{\"property\":\"capacity\"}]}"},
            {"CASEI(name) = CASEI('x')", "{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},"
                + "{\"op\":\"casei\",\"args\":[\"x\"]}]}"},
            {"last_verified > DATE('2024-01-01')", "{\"op\":\">\",\"args\":[{\"property\":\"last_verified\"},{\"date\":\"2024-01-01\"}]}"},
            {"S_INTERSECTS(geometry, POINT(11.5 50.1))", "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Point\",\"coordinates\":[11.5,50.1]}]}"},
            {"S_WITHIN(geometry, BBOX(11, 50, 12, 51))", "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"bbox\":[11,50,12,51]}]}"},
            {"TRUE", "true"},
        };
        for (String[] pair : pairs) {
            var t = text(pair[0]);
            var j = json(pair[1]);
            assertThat(j.sql()).as(pair[1]).isEqualTo(t.sql());
            assertThat(render(j.parameters())).as(pair[1]).isEqualTo(render(t.parameters()));
        }
    }

    private static List<String> render(List<Object> params) {
        return params.stream().map(p -> p instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString()
                : p instanceof Object[] a ? Arrays.toString(a) : String.valueOf(p)).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name =|expected a property name or a value but found the end of the filter (at character 7)",
        "name = 'x|the text starting here is not closed with ' (at character 8)",
        "name == 'x'|expected a property name or a value but found '=' (at character 7)",
        "capacity > 5 AND|expected a property name or a value but found the end of the filter (at character 17)",
        "(capacity > 5|expected ')' but found the end of the filter (at character 14)",
        "capacity + 1 > 5|arithmetic ('+') is not supported in filters (at character 10)",
        "colour = 'red'|unknown property 'colour'; queryable are: name, capacity, free_entry, last_verified, equipment, geometry",
        "Name = 'x'|unknown property 'Name' (did you mean 'name'?)",
        "capacity = 'many'|'=' cannot compare capacity (a number) with 'many' (text)",
        "name > 5|'>' cannot compare name (text) with 5 (a number)",
        "free_entry > true|true and false can only be compared with = and <>",
        "capacity LIKE '1%'|LIKE compares text: capacity is a number",
        "S_INTERSECTS(name, POINT(1 2))|S_INTERSECTS relates geometries, but name is text",
        "S_INTERSECTS(geometry, POLYGON((1 2, 3 4, 1 2)))|a polygon ring needs at least four points (the first repeated at the end), got 3",
        "S_INTERSECTS(geometry, POLYGON((1 2, 3 4, 5 6, 7 8)))|a polygon ring must end where it starts: (1.0 2.0) ≠ (7.0 8.0)",
        "S_INTERSECTS(geometry, BBOX(1, 2, 3))|BBOX takes 4 or 6 numbers, got 3 (at character 24)",
        "S_INTERSECTS(geometry, BBOX(1, 5, 3, 2))|BBOX: the lower bound of the second axis (5.0) is greater than the upper bound (2.0) (at character 24)",
        "S_NEAR(geometry, POINT(1 2))|unknown spatial function S_NEAR",
        "T_AFTER(last_verified, 5)|T_AFTER relates dates, timestamps and intervals, but 5 is a number",
        "last_verified > DATE('2024-13-01')|'2024-13-01' is not a date like 2024-05-01 (at character 22)",
        "Bar(name) = 1|unknown function 'Bar'",
        "name = 'a' name = 'b'|expected AND, OR or the end of the filter but found 'name' (at character 12)",
    })
    void mistakesAreExplained(String filter, String message) {
        assertThatThrownBy(() -> text(filter)).isInstanceOf(Cql2Exception.class).hasMessageContaining(message);
    }

    @Test
    void jsonMistakesNameThePath() {
        assertThatThrownBy(() -> json("{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"name\"}]}, true]}"))
                .hasMessage("filter.args[0]: '=' takes 2 arguments, got 1");
        assertThatThrownBy(() -> json("{\"op\":\"=\",\"args\":[{\"property\":\"colour\"}, 1]}"))
                .hasMessageStartingWith("unknown property 'colour'");
        assertThatThrownBy(() -> json("{\"op\":"))
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> json("{\"op\":\"s_dwithin\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Point\",\"coordinates\":[11,50]},5,\"miles\"]}"))
                .hasMessage("filter.args[3]: unknown distance unit 'miles' (use 'm' or 'km')");
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(5000) + "name = 'a'" + ")".repeat(5000);
        assertThatThrownBy(() -> text(deep)).hasMessageContaining("nested too deeply");
        String deepNot = "NOT ".repeat(5000) + "name = 'a'";
        assertThatThrownBy(() -> text(deepNot)).hasMessageContaining("nested too deeply");
    }
}
