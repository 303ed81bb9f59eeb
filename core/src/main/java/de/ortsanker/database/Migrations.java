package de.ortsanker.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database's schema up to date with the migrations in {@code db/migration}. */
public final class Migrations {

    private Migrations() {
    }

    /** Migrates the database named by the environment (ORTSANKER_DB_URL …); for scripts. */
    public static void main(String[] args) {
        var settings = DatabaseSettings.fromEnvironment();
        DatabaseCheck.problemWith(settings).ifPresent(problem -> {
            System.err.println("migrations: " + problem);
            System.exit(2);
        });
        MigrateResult result = migrate(settings.dataSource());
        System.out.println("migrations: " + settings.describe() + (result.migrationsExecuted == 0
                ? " is up to date" : " migrated to version " + result.targetSchemaVersion));
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                // All migrations live in core and are numbered in order: one that arrives out of order is a
                // mistake to be renumbered, not something to apply to a database that is already ahead.
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
