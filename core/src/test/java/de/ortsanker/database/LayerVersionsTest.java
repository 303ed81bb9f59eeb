package de.ortsanker.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

@PostgisTest
class LayerVersionsTest {

    @Test
    void tokenChangesExactlyWhenOneOfItsLayersChanges(TestSchema db) {
        var before = LayerVersions.read(db.dataSource());
        db.execute("insert into places (kind, name, geom, source, source_id, licence, attribution)"
                + " values ('club', 'SV Harsdorf', ST_Point(11.57, 50.03, 4326), 't', '1', 'x', 'y')");
        var after = LayerVersions.read(db.dataSource());

        assertThat(after.token(List.of("clubs", "mobility"))).isNotEqualTo(before.token(List.of("clubs", "mobility")));
        assertThat(after.token(List.of("mobility"))).isEqualTo(before.token(List.of("mobility")));
        assertThat(after.token(List.of("mobility", "clubs"))).isEqualTo(after.token(List.of("clubs", "mobility")));
        assertThat(after.lastChanged(List.of("clubs"))).isAfter(before.lastChanged(List.of("clubs")));
        assertThatThrownBy(() -> after.of("spaceports")).hasMessageContaining("unknown layer 'spaceports'");
    }
}
