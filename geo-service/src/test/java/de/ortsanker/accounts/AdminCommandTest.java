package de.ortsanker.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** scripts/admin.sh create-admin: the first administrator, with a password from stdin; no default anywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandTest {

    private TestSchema schema;
    private JdbcTemplate sql;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    void schema() {
        schema = TestDatabase.freshSchema();
        sql = new JdbcTemplate(schema.dataSource());
    }

    @AfterAll
    void drop() {
        schema.close();
    }

    private int run(String stdin, String... args) {
        out.reset();
        err.reset();
        return AdminCommand.run(args, schema.dataSource(), new BufferedReader(new StringReader(stdin)), false,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void createsACountyAdministratorWithThePasswordFromStandardInput() {
        assertThat(sql.queryForObject("select count(*) from accounts", Integer.class)).as("no default account").isZero();
        assertThat(run("Kreisverwaltung Herzberg 2026\n", "create-admin", "Landrat")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("landrat is a county administrator");
        String hash = sql.queryForObject("select password_hash from accounts where login = 'landrat'", String.class);
        assertThat(hash).startsWith("$2a$12$").doesNotContain("Kreisverwaltung");
        assertThat(BCrypt.checkpw("Kreisverwaltung Herzberg 2026", hash)).isTrue();
        assertThat(sql.queryForList("select role || coalesce(territory, '') from account_roles r join accounts a"
                + " on a.id = r.account_id where a.login = 'landrat'", String.class)).containsExactly("county_administrator");
        assertThat(sql.queryForObject("select actor from audit_events where event = 'account-created'"
                + " and subject = 'landrat'", String.class)).isEqualTo("admin.sh");

        assertThat(run("Kreisverwaltung Herzberg 2026\n", "create-admin", "landrat")).isEqualTo(1);
        assertThat(err.toString()).contains("login").contains("taken");
    }

    @Test
    void refusesWeakOrMissingPasswordsAndStoresNothing() {
        assertThat(run("zu kurz\n", "create-admin", "kreis-admin")).isEqualTo(1);
        assertThat(err.toString()).contains("password").contains("at least 12");
        assertThat(run("administrator123\n", "create-admin", "kreis-admin")).isEqualTo(1);
        assertThat(err.toString()).contains("commonly used");
        assertThat(run("", "create-admin", "kreis-admin")).isEqualTo(1);
        assertThat(err.toString()).contains("no password");
        assertThat(sql.queryForObject("select count(*) from accounts where login = 'kreis-admin'", Integer.class)).isZero();
    }

    @Test
    void neverTakesThePasswordAsAnArgument() {
        assertThat(run("", "create-admin", "kreis-admin", "Kreisverwaltung Herzberg 2026")).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
        assertThat(run("", "create-admin")).isEqualTo(2);
    }
}
