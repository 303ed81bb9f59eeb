package de.ortsanker.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ortsanker.ServiceTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ProblemDetail;

/**
 * Every role against every territory boundary, allowed and refused, decided by the one place that decides
 * (Permissions) from roles stored in PostGIS. AGS from the official boundaries (BKG VG5000): 12062 is
 * Landkreis Elbe-Elster, 12062224 Herzberg (Elster), 12062140 Finsterwalde; 12066 is Oberspreewald-Lausitz.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsTest {

    static final Place HERZBERG_VBB = new Place("12062224", "vbb-stops", null);
    static final Place FINSTERWALDE_OSM = new Place("12062140", "osm", null);
    static final Place LAUSITZ = new Place("12066112", "osm", null);
    static final Place CLUB_ROOM = new Place("12062224", "vereinsliste", "SV Herzberg 1990");
    static final Place OTHER_CLUB_ROOM = new Place("12062224", "vereinsliste", "TSV Finsterwalde");
    static final Place NOWHERE = new Place(null, "osm", null);

    @Autowired
    Permissions permissions;

    @Autowired
    Accounts accounts;

    @Autowired
    Roles roles;

    Actor admin;
    Actor countySteward;
    Actor herzbergSteward;
    Actor sourceSteward;
    Actor clubEditor;
    Actor moderator;
    Actor nobody;

    @BeforeAll
    void accounts() {
        admin = actor("perm-admin", Role.COUNTY_ADMINISTRATOR, null);
        countySteward = actor("perm-county-steward", Role.MUNICIPALITY_STEWARD, "12062");
        herzbergSteward = actor("perm-herzberg", Role.MUNICIPALITY_STEWARD, "12062224");
        sourceSteward = actor("perm-vbb", Role.SOURCE_STEWARD, "vbb-stops");
        clubEditor = actor("perm-club", Role.ORGANISATION_EDITOR, "SV Herzberg 1990");
        moderator = actor("perm-moderator", Role.MODERATOR, null);
        nobody = actor("perm-nobody", null, null);
    }

    private Actor actor(String login, Role role, String territory) {
        var account = accounts.create(login, null, TestAccounts.PASSWORD, "test");
        if (role != null) {
            roles.grant(login, role.code(), territory, "test");
        }
        return new Actor(account.id(), login, null, null);
    }

    private void allowed(Actor actor, Action action, Place place) {
        assertThatCode(() -> permissions.check(actor, action, place)).as(actor.login() + " " + action + " " + place)
                .doesNotThrowAnyException();
    }

    private ProblemDetail refused(Actor actor, Action action, Place place) {
        var refused = catchThrowableOfType(Refused.class, () -> permissions.check(actor, action, place));
        assertThat(refused).as(actor.login() + " " + action + " " + place + " must be refused").isNotNull();
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        return refused.getBody();
    }

    @Test
    void theCountyAdministratorMayDoEverythingEverywhere() {
        for (Action action : Action.values()) {
            for (Place place : List.of(HERZBERG_VBB, FINSTERWALDE_OSM, LAUSITZ, CLUB_ROOM, NOWHERE)) {
                allowed(admin, action, place);
            }
        }
    }

    @Test
    void aMunicipalityStewardEditsInsideTheAgsPrefixOnly() {
        allowed(countySteward, Action.EDIT_PLACE, HERZBERG_VBB);
        allowed(countySteward, Action.EDIT_PLACE, FINSTERWALDE_OSM);
        allowed(countySteward, Action.EDIT_PLACE, CLUB_ROOM);
        var outside = refused(countySteward, Action.EDIT_PLACE, LAUSITZ);
        assertThat(outside.getProperties()).containsKey("missing-territory");
        assertThat(outside.getDetail()).contains("12066112").contains("outside the territories");
        refused(countySteward, Action.EDIT_PLACE, NOWHERE);

        allowed(herzbergSteward, Action.EDIT_PLACE, HERZBERG_VBB);
        assertThat(refused(herzbergSteward, Action.EDIT_PLACE, FINSTERWALDE_OSM).getProperties())
                .containsKey("missing-territory");
    }

    @Test
    void aSourceStewardEditsTheSourcesPlacesOnly() {
        allowed(sourceSteward, Action.EDIT_PLACE, HERZBERG_VBB);
        refused(sourceSteward, Action.EDIT_PLACE, FINSTERWALDE_OSM);
        refused(sourceSteward, Action.EDIT_PLACE, CLUB_ROOM);
    }

    @Test
    void anOrganisationEditorEditsItsOwnEntriesOnly() {
        allowed(clubEditor, Action.EDIT_PLACE, CLUB_ROOM);
        refused(clubEditor, Action.EDIT_PLACE, OTHER_CLUB_ROOM);
        refused(clubEditor, Action.EDIT_PLACE, HERZBERG_VBB);   // same municipality, not the club's
    }

    @Test
    void theModeratorModeratesAndEditsNothing() {
        allowed(moderator, Action.MODERATE, null);
        assertThat(refused(moderator, Action.EDIT_PLACE, HERZBERG_VBB).getProperties().get("missing-role"))
                .isEqualTo(List.of("county_administrator", "municipality_steward", "source_steward",
                        "organisation_editor"));
    }

    @Test
    void countyWideActionsNeedTheAdministratorWhateverTheTerritory() {
        for (Actor actor : List.of(countySteward, herzbergSteward, sourceSteward, clubEditor, moderator, nobody)) {
            for (Action action : List.of(Action.MANAGE_ACCOUNTS, Action.READ_AUDIT, Action.PUBLISH_PLANNING)) {
                assertThat(refused(actor, action, null).getProperties().get("missing-role"))
                        .isEqualTo(List.of("county_administrator"));
            }
            if (actor != moderator) {
                refused(actor, Action.MODERATE, null);
            }
        }
        refused(nobody, Action.EDIT_PLACE, HERZBERG_VBB);
    }

    @Test
    void aTokenCannotDoMoreThanItsScopesNorMoreThanTheRoles() {
        var publishOnly = new Actor(countySteward.accountId(), countySteward.login(), 1L, EnumSet.of(Scope.PUBLISH));
        assertThat(refused(publishOnly, Action.EDIT_PLACE, HERZBERG_VBB).getProperties().get("missing-scope"))
                .isEqualTo("edit");
        var everything = new Actor(countySteward.accountId(), countySteward.login(), 1L, Set.of(Scope.values()));
        allowed(everything, Action.EDIT_PLACE, HERZBERG_VBB);
        refused(everything, Action.PUBLISH_PLANNING, null);
    }

    @Test
    void revokedRolesAndDisabledAccountsStopAtOnce() {
        var actor = actor("perm-temporary", Role.MUNICIPALITY_STEWARD, "12062");
        allowed(actor, Action.EDIT_PLACE, HERZBERG_VBB);
        long grant = roles.of(actor.accountId()).get(0).id();
        roles.revoke(actor.login(), grant, "test");
        refused(actor, Action.EDIT_PLACE, HERZBERG_VBB);

        var disabled = actor("perm-disabled", Role.COUNTY_ADMINISTRATOR, null);
        accounts.disable(disabled.login(), "test");
        var notSignedIn = catchThrowableOfType(NotSignedIn.class,
                () -> permissions.check(disabled, Action.EDIT_PLACE, HERZBERG_VBB));
        assertThat(notSignedIn.getStatusCode().value()).isEqualTo(401);
        assertThat(catchThrowableOfType(NotSignedIn.class, () -> permissions.check(Action.EDIT_PLACE, HERZBERG_VBB)))
                .as("no actor in this thread").isNotNull();
    }

    @Test
    void territoriesMustFitTheirRole() {
        for (String[] bad : new String[][] {{"municipality_steward", "Herzberg"}, {"municipality_steward", null},
                {"county_administrator", "12062"}, {"source_steward", " "}, {"mayor", null}}) {
            var e = catchThrowableOfType(de.ortsanker.problem.InvalidParameter.class,
                    () -> roles.grant("perm-nobody", bad[0], bad[1], "test"));
            assertThat(e).as(String.join(",", java.util.Arrays.asList(bad))).isNotNull();
            assertThat(e.params().get(0).name()).isIn("territory", "role");
        }
    }
}
