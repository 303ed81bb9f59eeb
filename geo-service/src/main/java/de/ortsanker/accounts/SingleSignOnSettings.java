package de.ortsanker.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with the county's OpenID Connect provider ({@code ortsanker.oidc.*}, from
 * {@code ORTSANKER_OIDC_ISSUER}, {@code ORTSANKER_OIDC_CLIENT_ID}, {@code ORTSANKER_OIDC_CLIENT_SECRET}; see
 * geo-service/README.md "Accounts and security"). Off while no issuer is set.
 *
 * @param issuer       the provider's issuer URL (its discovery document is {@code issuer/.well-known/openid-configuration})
 * @param clientId     Ortsanker's client id at the provider
 * @param clientSecret its secret (client_secret_basic)
 * @param scopes       what is asked for; {@code openid} is always asked
 * @param title        the provider's name on the sign-in page
 */
@ConfigurationProperties("ortsanker.oidc")
public record SingleSignOnSettings(String issuer, String clientId, String clientSecret, List<String> scopes,
                                   String title) {

    /** The registration id, the last part of {@code /oauth2/authorization/county} and of the callback. */
    public static final String REGISTRATION = "county";

    public SingleSignOnSettings {
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : scopes;
        if (!scopes.contains("openid")) {
            scopes = java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
        }
        title = title == null || title.isBlank() ? "Landkreis" : title;
    }

    public boolean enabled() {
        return issuer != null;
    }

    /** A configuration that names an issuer but not the client is a mistake to report at start-up, not at sign-in. */
    void check() {
        if (enabled() && (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank())) {
            throw new IllegalStateException("ORTSANKER_OIDC_ISSUER is set (" + issuer + ") but ORTSANKER_OIDC_CLIENT_ID"
                    + " or ORTSANKER_OIDC_CLIENT_SECRET is not: single sign-on needs all three");
        }
    }
}
