package de.ortsanker.service;

import de.ortsanker.FreshSchemaInitializer;
import de.ortsanker.testing.TcpProxy;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;

/**
 * The service's database connections through a TCP relay in front of the test database, which a test can
 * cut or black-hole to see what the service does when its database goes away. A test class holds its relay
 * in a static field (started before Spring builds its context) and names it in a subclass of this.
 */
abstract class RelayedDatabase extends FreshSchemaInitializer {

    /** A relay to the test database's server, listening at once. */
    static TcpProxy startRelay() {
        try {
            return TcpProxy.forJdbcUrl(TestDatabase.server().url());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relay the service's connections go through. */
    protected abstract TcpProxy relay();

    @Override
    protected String urlFor(TestSchema schema) {
        return relay().jdbcUrlVia(schema.jdbcUrl());
    }
}
