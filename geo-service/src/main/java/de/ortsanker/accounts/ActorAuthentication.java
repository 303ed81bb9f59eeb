package de.ortsanker.accounts;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Spring Security's view of an {@link Actor}. It carries no authorities on purpose: every decision is
 * {@link Permissions}', made from the roles as stored at that moment.
 */
public class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    ActorAuthentication(Actor actor) {
        super(List.of());
        this.actor = actor;
        setAuthenticated(true);
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.login();
    }
}
