package de.ortsanker.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** One role of an account, with its territory (null: the whole county). */
public record Grant(long id, @JsonProperty("role") String role, String territory,
                    @JsonProperty("granted_at") OffsetDateTime grantedAt, @JsonProperty("granted_by") String grantedBy) {

    Role parsedRole() {
        return Role.parse(role);
    }
}
