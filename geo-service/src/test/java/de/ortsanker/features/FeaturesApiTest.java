package de.ortsanker.features;

import de.ortsanker.testing.TestSchema;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every {@link FeaturesTest} class needs: the service's port, the schema with the fixtures, a client. */
abstract class FeaturesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @BeforeEach
    void fixtures() {
        Fixtures.ensureLoaded(db);
    }

    Api api() {
        return new Api(port);
    }
}
