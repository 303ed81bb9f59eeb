package de.ortsanker.accounts;

import de.ortsanker.problem.InvalidParameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be (NIST SP 800-63B's rules, no composition rules): at least 12 characters, at most
 * 128, not one of the commonly used passwords bundled in {@code accounts/common-passwords.txt}, and not
 * containing the login.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Nothing when the password will do; else a 400 naming the field {@code password} and why. */
    public static void check(String login, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidParameter("password", "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidParameter("password", "must have at least " + MIN_LENGTH + " characters, has " + length);
        }
        if (length > MAX_LENGTH) {
            throw new InvalidParameter("password", "must have at most " + MAX_LENGTH + " characters");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            throw new InvalidParameter("password", "is one of the most commonly used passwords; choose another");
        }
        if (login != null && !login.isBlank() && folded.contains(login.toLowerCase(Locale.ROOT))) {
            throw new InvalidParameter("password", "must not contain the login");
        }
    }

    private static Set<String> load() {
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt")), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
