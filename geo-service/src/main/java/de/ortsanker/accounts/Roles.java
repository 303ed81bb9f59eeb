package de.ortsanker.accounts;

import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Role assignments: which account holds which role over which territory. Every change is audited. */
@Component
public class Roles {

    private static final RowMapper<Grant> GRANT = (rs, n) -> new Grant(rs.getLong("id"), rs.getString("role"),
            rs.getString("territory"), rs.getObject("granted_at", OffsetDateTime.class), rs.getString("granted_by"));

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final Audit audit;

    public Roles(JdbcTemplate jdbc, Accounts accounts, Audit audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    public List<Grant> of(long accountId) {
        return jdbc.query("select id, role, territory, granted_at, granted_by from account_roles"
                + " where account_id = ? order by role, territory", GRANT, accountId);
    }

    public Grant grant(String login, String roleCode, String givenTerritory, String by) {
        var account = accounts.byLogin(login);
        Role role = Role.parse(roleCode);
        String territory = role.territory(givenTerritory);
        try {
            long id = jdbc.queryForObject("insert into account_roles (account_id, role, territory, granted_by)"
                    + " values (?, ?, ?, ?) returning id", Long.class, account.id(), role.code(), territory, by);
            audit.record("role-granted", by, account.login(), detail(role.code(), territory));
            return jdbc.queryForObject("select id, role, territory, granted_at, granted_by from account_roles"
                    + " where id = ?", GRANT, id);
        } catch (DuplicateKeyException e) {
            throw new InvalidParameter("role", account.login() + " already holds " + role.code()
                    + (territory == null ? "" : " for " + territory));
        }
    }

    public void revoke(String login, long grantId, String by) {
        var account = accounts.byLogin(login);
        var removed = jdbc.query("delete from account_roles where id = ? and account_id = ? returning id, role,"
                + " territory, granted_at, granted_by", GRANT, grantId, account.id());
        if (removed.isEmpty()) {
            throw new NotFound("account '" + account.login() + "' has no role assignment " + grantId);
        }
        audit.record("role-revoked", by, account.login(), detail(removed.get(0).role(), removed.get(0).territory()));
    }

    private static Map<String, String> detail(String role, String territory) {
        var detail = new HashMap<String, String>();
        detail.put("role", role);
        if (territory != null) {
            detail.put("territory", territory);
        }
        return detail;
    }
}
