package de.ortsanker.testing;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** One test class's private schema, migrated from scratch. */
public final class TestSchema implements AutoCloseable {

    private final TestDatabase.Server server;
    private final String name;
    private final PGSimpleDataSource dataSource;

    private TestSchema(TestDatabase.Server server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.urlFor(name));
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
    }

    static TestSchema create(TestDatabase.Server server, String name) {
        var schema = new TestSchema(server, name);
        Flyway.configure()
                .dataSource(schema.dataSource)
                .schemas(name)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return schema;
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A JDBC URL whose connections work in this schema (for a service under test). */
    public String jdbcUrl() {
        return server.urlFor(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs SQL statements (test fixtures); fails the test on any error. */
    public void execute(String... sql) {
        try (Connection c = connect(); var st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture SQL failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection c = server.connect(); var st = c.createStatement()) {
            st.execute("drop schema if exists \"" + name + "\" cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + name + ": " + e.getMessage(), e);
        }
    }
}
