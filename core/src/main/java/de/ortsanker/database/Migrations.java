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
                .locations("classpath:db/migration")
                // Modules add migrations in parallel branches; a database that already ran a later
                // version must still accept an earlier one that arrives with a merge.
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
