package org.titrate.platform.impl.rest;

import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.JaasAuthenticator;
import org.titrate.platform.impl.security.JaasAuthenticator.Caller;
import org.titrate.platform.impl.security.WebSessions;
import org.titrate.platform.impl.security.WebSessions.Session;

/**
 * {@code /session}: sign-in for the browser. {@code POST} checks user name and password exactly as HTTP
 * Basic does (the Karaf realm, the login guard, 429 when throttled) and answers the user, roles and a
 * CSRF token, with the session in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS);
 * {@code GET} says who is signed in; {@code DELETE} signs out.
 */
@Component(service = RestResource.class)
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource implements RestResource {
    /** The request attribute where the security filter leaves the session of a cookie-authenticated request. */
    static final String SESSION_ATTRIBUTE = SessionResource.class.getName() + ".session";

    @Reference
    private WebSessions sessions;

    @Context
    private HttpServletRequest servletRequest;

    /** The body of {@code POST /session}. */
    public record Credentials(String username, String password) {
    }

    /**
     * Who is signed in; {@code csrfToken} only for a browser session. {@code timeZone} and {@code businessDate}: the
     * company's calendar (the business time zone), which the browser uses for "today" and "this month" rather than the
     * clock and zone of the machine it runs on.
     */
    public record Me(String username, List<String> roles, String csrfToken, long idleTimeoutSeconds, String timeZone,
            java.time.LocalDate businessDate) {
    }

    @POST
    public Response signIn(Credentials body) {
        Check.body(body);
        Check check = new Check();
        String username = check.text("username", body.username(), 100, true);
        if (body.password() == null || body.password().isEmpty()) {
            check.fail("password", "is required");
        }
        check.throwIfInvalid();
        Caller caller = JaasAuthenticator.login(username, body.password(), "http", servletRequest.getRemoteAddr());
        if (caller == null || !caller.hasAnyRole(Roles.ALL)) {
            return Problems.response(401, "Unauthorized", "Wrong user name or password", List.of());
        }
        Session s = sessions.open(caller);
        return Response.ok(me(s.caller(), s.csrfToken()))
                .header(HttpHeaders.SET_COOKIE, cookie(s.id(), servletRequest.isSecure(), -1)).build();
    }

    @GET
    public Me whoAmI(@Context SecurityContext security) {
        Session s = (Session) servletRequest.getAttribute(SESSION_ATTRIBUTE);
        if (s != null) {
            return me(s.caller(), s.csrfToken());
        }
        return me(new Caller(security.getUserPrincipal().getName(),
                Roles.ALL.stream().filter(security::isUserInRole).collect(java.util.stream.Collectors.toSet())), null);
    }

    @DELETE
    @Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
    public Response signOut() {
        Session s = (Session) servletRequest.getAttribute(SESSION_ATTRIBUTE);
        if (s != null) {
            sessions.close(s.id());
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", servletRequest.isSecure(), 0)).build();
    }

    private Me me(Caller caller, String csrf) {
        return new Me(caller.username(), caller.roles().stream().filter(Roles.ALL::contains).sorted().toList(), csrf,
                sessions.idleTimeoutSeconds(), org.titrate.platform.api.time.BusinessClock.zone().getId(),
                org.titrate.platform.api.time.BusinessClock.today());
    }

    /** The session cookie: script cannot read it, other sites cannot send it, HTTPS keeps it on HTTPS. */
    static String cookie(String value, boolean secure, int maxAge) {
        return WebSessions.COOKIE + "=" + value + "; Path=/api/v1; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    static boolean isSignIn(Class<?> resourceClass, String method) {
        return resourceClass == SessionResource.class && "POST".equals(method);
    }

}
