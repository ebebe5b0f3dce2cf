package org.titrate.platform.impl.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ForbiddenException;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.PasswordPolicy;
import org.titrate.platform.impl.security.UserDirectory;
import org.titrate.platform.impl.security.UserDirectory.User;
import org.titrate.platform.impl.security.UserRules;

/** {@code /users}: administrators add, change, disable and delete users of the Karaf realm with Titrate roles. */
@Component(service = RestResource.class)
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class UsersResource implements RestResource {

    @Reference
    private UserDirectory users;

    /** The body of {@code POST /users}. */
    public record NewUser(String username, String password, List<String> roles) {
    }

    @GET
    public Page<User> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return Page.of(users.list(), PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{username}")
    public User get(@PathParam("username") String username) {
        User user = users.find(username);
        if (user == null) {
            throw new NotFoundException("User", username);
        }
        return user;
    }

    @POST
    public Response add(NewUser body) {
        Check.body(body);
        Check check = new Check();
        String username = check.code("username", body.username(), true);
        String password = body.password();
        String weak = PasswordPolicy.problem(username, password);
        if (weak != null) {
            check.fail("password", weak);
        }
        Set<String> roles = UserRules.roles(check, "roles", body.roles());
        check.throwIfInvalid();
        User created = users.add(username, password, roles);
        return Response.created(URI.create("users/" + created.username())).entity(created).build();
    }

    /** The body of {@code PUT /users/{username}}: what changes; a field left out stays as it is. */
    public record UserChange(List<String> roles, Boolean active) {
    }

    /** New roles, or the account disabled ({@code "active": false}) or enabled again. */
    @PUT
    @Path("/{username}")
    public User update(@PathParam("username") String username, UserChange body) {
        Check.body(body);
        Check check = new Check();
        Set<String> roles = null;
        if (body.roles() == null && body.active() == null) {
            check.fail("roles", "send roles, active or both");
        } else if (body.roles() != null) {
            roles = UserRules.roles(check, "roles", body.roles());
        }
        check.throwIfInvalid();
        return users.update(username, roles, body.active());
    }

    /** Deletes a user: every way in closes at once. */
    @DELETE
    @Path("/{username}")
    public Response delete(@PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }

    /** The body of {@code PUT /users/{username}/password}. */
    public record NewPassword(String password) {
    }

    /** Users change their own password (they signed in with the current one); admins change anyone's. */
    @PUT
    @Path("/{username}/password")
    @Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
    public Response changePassword(@PathParam("username") String username, NewPassword body, @Context SecurityContext caller) {
        Check.body(body);
        boolean self = caller.getUserPrincipal() != null && caller.getUserPrincipal().getName().equals(username);
        if (!self && !caller.isUserInRole(Roles.ADMIN)) {
            throw new ForbiddenException("Only an admin may change another user's password");
        }
        if (users.find(username) == null) {
            throw new NotFoundException("User", username);
        }
        Check check = new Check();
        String weak = PasswordPolicy.problem(username, body.password());
        if (weak != null) {
            check.fail("password", weak);
        }
        check.throwIfInvalid();
        users.changePassword(username, body.password());
        return Response.noContent().build();
    }
}
