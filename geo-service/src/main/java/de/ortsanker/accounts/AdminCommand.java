package de.ortsanker.accounts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import de.ortsanker.database.DatabaseSettings;
import de.ortsanker.database.Migrations;
import de.ortsanker.problem.InvalidParameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code scripts/admin.sh create-admin <login>} ({@code java -jar geo-service.jar create-admin <login>}):
 * creates a county administrator in the database of {@code ORTSANKER_DB_*}, migrating it first. The
 * password is asked for twice on a terminal, or read as the first line of standard input — never an
 * argument (it would show in the process list and the shell history), and there is no default.
 */
public final class AdminCommand {

    public static final String CREATE_ADMIN = "create-admin";

    private AdminCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(CREATE_ADMIN);
    }

    public static void main(String[] args) {
        // A command answers in one line: Flyway's progress belongs to the service's log, not here.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLogger("org.flywaydb").setLevel(Level.ERROR);
        }
        var settings = DatabaseSettings.fromEnvironment();
        System.exit(run(args, settings.dataSource(), new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)), System.console() != null, System.out, System.err));
    }

    /** Exit code 0 on success, 1 for bad input (said on {@code err}), 2 for usage. */
    public static int run(String[] args, DataSource dataSource, BufferedReader in, boolean terminal, PrintStream out,
                          PrintStream err) {
        if (args.length != 2 || !args[0].equals(CREATE_ADMIN)) {
            err.println("usage: admin.sh create-admin <login>   (the password is asked for, or read from stdin)");
            return 2;
        }
        try {
            String login = Accounts.login(args[1]);
            String password = password(in, terminal, out);
            if (password == null) {
                err.println("create-admin: no password given on standard input");
                return 1;
            }
            Migrations.migrate(dataSource);
            var jdbc = new JdbcTemplate(dataSource);
            var audit = new Audit(jdbc);
            var accounts = new Accounts(jdbc, new BCryptPasswordEncoder(12), audit);
            var account = accounts.createAdministrator(login, password, "admin.sh");
            out.println("create-admin: " + account.login() + " is a county administrator (account " + account.id() + ")");
            return 0;
        } catch (InvalidParameter e) {
            err.println("create-admin: " + InvalidParameter.detail(e.params()));
            return 1;
        } catch (IOException e) {
            err.println("create-admin: cannot read the password: " + e.getMessage());
            return 1;
        }
    }

    private static String password(BufferedReader in, boolean terminal, PrintStream out) throws IOException {
        var console = System.console();
        if (terminal && console != null) {
            char[] first = console.readPassword("Password (at least %d characters): ", PasswordPolicy.MIN_LENGTH);
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !new String(first).equals(new String(second))) {
                throw new InvalidParameter("password", "the two entries differ");
            }
            return new String(first);
        }
        return in.readLine();
    }
}
