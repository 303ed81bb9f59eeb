package de.ortsanker.service;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statement timeouts per class of request. Every pooled connection starts with the interactive timeout
 * ({@code ORTSANKER_STATEMENT_TIMEOUT}, for nearby, items, tiles, details); planning sets its own longer one
 * ({@code ortsanker.planning.statement-timeout}); search and type-ahead get a shorter one here: a name search
 * that takes seconds helps nobody and holds a connection others need. The pool's socket timeout bounds every
 * read whatever the statement timeout (a silent database never sends the cancel's answer).
 */
@Component
public class StatementTimeouts {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final String search;

    StatementTimeouts(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                      @Value("${ortsanker.requests.search.statement-timeout:3s}") Duration search) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.search = search.toMillis() + "ms";
    }

    /** Runs a search's statements with the search timeout (in a read-only transaction: SET LOCAL ends with it). */
    public <T> T search(Supplier<T> work) {
        return readOnly.execute(tx -> {
            jdbc.queryForObject("select set_config('statement_timeout', ?, true)", String.class, search);
            return work.get();
        });
    }
}
