package de.ortsanker.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts' settings ({@code ortsanker.accounts.*}, see geo-service/README.md "Accounts and security").
 *
 * @param maxFailures       failed sign-ins in a row (per login) before it is locked
 * @param lockout           how long a locked login stays locked
 * @param bcryptStrength    bcrypt's cost (log2 rounds); 12 measured 780 ms per hash on a heavily loaded 2-core
 *                          build machine (less on an idle core): a sign-in's price, an attacker's too
 * @param tokenDefaultDays  lifetime of a token when none is asked for
 * @param tokenMaxDays      the longest lifetime a token may have
 */
@ConfigurationProperties("ortsanker.accounts")
public record AccountSettings(int maxFailures, Duration lockout, int bcryptStrength, int tokenDefaultDays,
                              int tokenMaxDays) {
}
