package org.titrate.platform.impl.rest;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.JaasAuthenticator;
import org.titrate.platform.impl.security.JaasAuthenticator.Caller;
import org.titrate.platform.impl.security.WebSessions;

/**
 * Who is calling: HTTP Basic against the Karaf realm (integrations), or the browser's session cookie
 * from {@code POST /session}, whose writes must carry the session's CSRF token in {@code X-CSRF-Token}
 * (a cookie alone never authorises a change). Then the role check of {@link Allowed}. Runs after
 * matching, so it knows the resource method; unknown paths stay 404 for everybody.
 */
@Priority(Priorities.AUTHENTICATION)
public class SecurityFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /**
     * Documentation is public so that integrators can read it before they have an account; an unknown
     * path is a 404 for everybody, as it always was.
     */
    private static final Set<String> PUBLIC_RESOURCES = Set.of(OpenApiResource.class.getName(), UnknownPathResource.class.getName());

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    private final WebSessions sessions;

    public SecurityFilter(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> resourceClass = resourceInfo.getResourceClass();
        if (resourceClass != null && PUBLIC_RESOURCES.contains(resourceClass.getName())
                || SessionResource.isSignIn(resourceClass, request.getMethod())) {
            return;
        }
        Caller caller;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        try {
            caller = authenticate(authorization, servletRequest.getRemoteAddr());
        } catch (JaasAuthenticator.Throttled e) {
            request.abortWith(Response.fromResponse(Problems.response(429, "Too Many Requests", e.getMessage(), List.of()))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build());
            return;
        }
        if (caller == null && authorization == null && sessions != null) {
            Cookie cookie = request.getCookies().get(WebSessions.COOKIE);
            WebSessions.Session session = sessions.use(cookie == null ? null : cookie.getValue());
            if (session != null) {
                if (!isSafe(request.getMethod()) && !session.csrfToken().equals(request.getHeaderString(WebSessions.CSRF_HEADER))) {
                    request.abortWith(Problems.response(403, "Forbidden", "A change needs the session's CSRF token in the "
                            + WebSessions.CSRF_HEADER + " header", List.of()));
                    return;
                }
                caller = session.caller();
                servletRequest.setAttribute(SessionResource.SESSION_ATTRIBUTE, session);
            }
        }
        if (caller == null) {
            Response.ResponseBuilder unauthorized = Response.fromResponse(Problems.response(401, "Unauthorized",
                    "Sign in with HTTP Basic credentials of a Titrate user, or at POST /api/v1/session", List.of()));
            // The browser application asks with X-Requested-With; a Basic challenge would pop up the browser's own dialog.
            if (request.getHeaderString("X-Requested-With") == null) {
                unauthorized.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Titrate\", charset=\"UTF-8\"");
            }
            request.abortWith(unauthorized.build());
            return;
        }
        Set<String> allowed = allowedRoles(resourceInfo.getResourceMethod(), resourceClass, request.getMethod());
        if (!caller.hasAnyRole(allowed)) {
            request.abortWith(Problems.response(403, "Forbidden", "User '" + caller.username()
                    + "' lacks a role for this action; one of " + sorted(allowed) + " is needed", List.of()));
            return;
        }
        CurrentUser.bind(caller.username());
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller, secure));
    }

    /**
     * API answers are per user and often personal (balances, prices): never cached by a browser or a
     * proxy, never sniffed into another type, and kept on HTTPS once a browser has seen it there.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CurrentUser.unbind();
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static boolean isSafe(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    private static Caller authenticate(String header, String address) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return JaasAuthenticator.login(decoded.substring(0, colon), decoded.substring(colon + 1), "http", address);
    }

    static Set<String> allowedRoles(Method method, Class<?> resourceClass, String httpMethod) {
        Allowed annotation = method == null ? null : method.getAnnotation(Allowed.class);
        if (annotation == null && resourceClass != null) {
            annotation = resourceClass.getAnnotation(Allowed.class);
        }
        Set<String> roles = new HashSet<>();
        roles.add(Roles.ADMIN);
        if (annotation != null) {
            roles.addAll(Arrays.asList(annotation.value()));
        } else if (HttpMethod.GET.equals(httpMethod) || HttpMethod.HEAD.equals(httpMethod)) {
            roles.addAll(Roles.ALL);
        }
        return roles;
    }

    private static List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller::username;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
