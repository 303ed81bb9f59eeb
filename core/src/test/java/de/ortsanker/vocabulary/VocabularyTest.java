package de.ortsanker.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@PostgisTest
class VocabularyTest {

    @Test
    void enumMirrorsTheKindsTable(TestSchema db) throws SQLException {
        List<String> inDatabase = new ArrayList<>();
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "select code, group_code, geometry, name_required from kinds order by code")) {
            while (rs.next()) {
                inDatabase.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4));
            }
        }
        List<String> inJava = Arrays.stream(Kind.values())
                .map(k -> k.code() + "|" + k.group().code() + "|" + k.shape().name().toLowerCase() + "|" + k.nameRequired())
                .sorted()
                .toList();
        assertThat(inDatabase).isEqualTo(inJava);
    }

    @Test
    void groupsMirrorTheGroupsTable(TestSchema db) throws SQLException {
        List<String> inDatabase = new ArrayList<>();
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "select code from kind_groups order by position")) {
            while (rs.next()) {
                inDatabase.add(rs.getString(1));
            }
        }
        assertThat(inDatabase).containsExactlyElementsOf(Arrays.stream(Group.values()).map(Group::code).toList());
    }

    @Test
    void everyGroupHasKinds() {
        for (Group g : Group.values()) {
            assertThat(Kind.inGroup(g)).as(g.code()).isNotEmpty();
        }
        assertThat(Kind.fromCode("mitfahrbank")).contains(Kind.MITFAHRBANK);
        assertThat(Kind.fromCode("nope")).isEmpty();
    }
}
