package org.titrate.platform.impl.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.UserDirectory.User;

/** The rules of user administration, the same over REST and in the shell. */
public final class UserRules {

    private UserRules() {
    }

    /**
     * The roles named, each a known one ({@link Roles#ASSIGNABLE}); a bad one is reported on {@code field[i]}, none
     * at all or {@code operator} alone on {@code field}.
     */
    public static Set<String> roles(Check check, String field, List<String> names) {
        Set<String> roles = new LinkedHashSet<>();
        List<String> assignable = Roles.ASSIGNABLE.stream().sorted().toList();
        if (names == null || names.isEmpty()) {
            check.fail(field, "must name at least one of " + assignable);
            return roles;
        }
        for (int i = 0; i < names.size(); i++) {
            String role = names.get(i) == null ? null : names.get(i).strip();
            if (role == null || !Roles.ASSIGNABLE.contains(role)) {
                check.fail(field + "[" + i + "]", "must be one of " + assignable);
            } else {
                roles.add(role);
            }
        }
        if (roles.equals(Set.of(Roles.OPERATOR))) {
            check.fail(field, "operator opens the shell only; add the business roles whose commands the user may run there");
        }
        return roles;
    }

    /**
     * Refuses (409 on {@code field}) a change after which {@code user} is no longer an administrator who can log in,
     * when no other user is one: the suite would have nobody left to administer it.
     */
    public static void keepAnActiveAdmin(List<User> users, User user, boolean staysActiveAdmin, String field) {
        if (!user.activeAdmin() || staysActiveAdmin) {
            return;
        }
        boolean another = users.stream().anyMatch(u -> u.activeAdmin() && !u.username().equals(user.username()));
        if (!another) {
            throw new ConflictException(field, "'" + user.username() + "' is the last active admin; make another user admin first");
        }
    }
}
