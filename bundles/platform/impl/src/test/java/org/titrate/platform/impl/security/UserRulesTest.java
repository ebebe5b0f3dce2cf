package org.titrate.platform.impl.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.impl.security.UserDirectory.User;

public class UserRulesTest {
    private static final User ADMIN = new User("admin", List.of("admin", "viewer"), true);
    private static final User WANG = new User("wang", List.of("sales"), true);
    private static final User LI = new User("li", List.of("admin"), true);
    private static final User ZHAO = new User("zhao", List.of("admin"), false);

    @Test
    public void rolesMustBeKnownAndEachBadOneIsNamed() {
        Check check = new Check();
        assertEquals(Set.of("sales", "viewer"), UserRules.roles(check, "roles", List.of("sales", " viewer ")));
        assertEquals(List.of(), check.errors());

        check = new Check();
        UserRules.roles(check, "roles", Arrays.asList("sales", "god", null));
        assertEquals(List.of("roles[1]", "roles[2]"), check.errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void noRolesOrTheShellAloneAreRefused() {
        for (List<String> roles : Arrays.asList(null, List.<String>of(), List.of("operator"))) {
            Check check = new Check();
            UserRules.roles(check, "roles", roles);
            assertEquals(String.valueOf(roles), List.of("roles"), check.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    public void theLastActiveAdminStaysOne() {
        // disabled admins do not count
        ConflictException e = assertThrows(ConflictException.class,
                () -> UserRules.keepAnActiveAdmin(List.of(ADMIN, WANG, ZHAO), ADMIN, false, "active"));
        assertEquals("active", e.errors().get(0).field());
        UserRules.keepAnActiveAdmin(List.of(ADMIN, WANG, LI), ADMIN, false, "active");
        UserRules.keepAnActiveAdmin(List.of(ADMIN, WANG), ADMIN, true, "roles");
        UserRules.keepAnActiveAdmin(List.of(ADMIN, WANG), WANG, false, "active");
    }
}
