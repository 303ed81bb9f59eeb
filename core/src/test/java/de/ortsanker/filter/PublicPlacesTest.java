package de.ortsanker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The public rule, run in PostGIS over places of every state a record can be in. */
@PostgisTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPlacesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);
    private final TestSchema db;

    PublicPlacesTest(TestSchema db) {
        this.db = db;
    }

    @BeforeAll
    void places() {
        db.execute("""
                insert into places (kind, name, geom, source, source_id, licence, attribution, retired_at, is_public,
                                    valid_from, valid_to)
                select 'pub', v.name, ST_Point(11.57, 50.03, 4326), 't', v.name, 'x', 'y', v.retired, v.public,
                       v.valid_from, v.valid_to
                  from (values ('always',    null::timestamptz, true,  null::date,   null::date),
                               ('retired',   now(),             true,  null,         null),
                               ('hidden',    null,              false, null,         null),
                               ('summer',    null,              true,  '2026-06-01', '2026-08-31'),
                               ('ended',     null,              true,  '2026-01-01', '2026-06-30'),
                               ('starts',    null,              true,  '2026-07-02', null),
                               ('lastday',   null,              true,  null,         '2026-07-01'),
                               ('firstday',  null,              true,  '2026-07-01', null))
                       as v(name, retired, public, valid_from, valid_to)""");
    }

    private List<String> names(SqlFilter rule) throws SQLException {
        var names = new ArrayList<String>();
        try (var c = db.connect(); var ps = c.prepareStatement("select name from places p where " + rule.sql() + " order by name")) {
            rule.bind(ps, 1);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    void onADayThePublicSeesWhatIsValidThatDayBothEndsIncluded() throws SQLException {
        assertThat(names(PublicPlaces.on(DAY))).containsExactly("always", "firstday", "lastday", "summer");
        // the same rule with the day as SQL
        assertThat(names(new SqlFilter(PublicPlaces.on("'2026-07-01'::date"), List.of())))
                .isEqualTo(names(PublicPlaces.on(DAY)));
    }

    @Test
    void overAPeriodWhatIsValidAtSomeTimeInIt_openEndsOpen() throws SQLException {
        assertThat(names(PublicPlaces.during(LocalDate.of(2026, 7, 2), null)))
                .containsExactly("always", "firstday", "starts", "summer");
        assertThat(names(PublicPlaces.during(null, null)))
                .containsExactly("always", "ended", "firstday", "lastday", "starts", "summer"); // never retired or hidden
    }
}
