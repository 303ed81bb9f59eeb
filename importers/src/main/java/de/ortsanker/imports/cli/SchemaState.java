package de.ortsanker.imports.cli;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration on the classpath: a quick look at Flyway's history
 * table, so that an import into an up-to-date database does not pay Flyway's start-up (seconds) — when
 * anything differs, or cannot be told, the command line runs {@code Migrations.migrate} as always.
 */
final class SchemaState {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private SchemaState() {
    }

    static boolean upToDate(DataSource dataSource) {
        try {
            Set<String> wanted = classpathVersions();
            if (wanted == null || wanted.isEmpty()) {
                return false;
            }
            Set<String> applied = new HashSet<>();
            try (Connection c = dataSource.getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select version from flyway_schema_history where success and version is not null")) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            return applied.equals(wanted);
        } catch (SQLException | IOException | URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** The versions of the migrations on the classpath; null when there are repeatable ones (Flyway decides). */
    private static Set<String> classpathVersions() throws IOException, URISyntaxException {
        Set<String> versions = new HashSet<>();
        Enumeration<URL> dirs = SchemaState.class.getClassLoader().getResources("db/migration");
        while (dirs.hasMoreElements()) {
            URL url = dirs.nextElement();
            if (url.getProtocol().equals("jar")) {
                var jar = ((JarURLConnection) url.openConnection()).getJarFile();
                var entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith("db/migration/") && !add(versions, name.substring(13))) {
                        return null;
                    }
                }
            } else if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        if (!add(versions, p.getFileName().toString())) {
                            return null;
                        }
                    }
                }
            } else {
                return null;
            }
        }
        return versions;
    }

    private static boolean add(Set<String> versions, String file) {
        if (file.isEmpty() || file.endsWith("/")) {
            return true;
        }
        if (file.startsWith("R__")) {
            return false;
        }
        Matcher m = VERSIONED.matcher(file);
        if (m.matches()) {
            versions.add(m.group(1).replace('_', '.'));
        }
        return true;
    }
}
