package org.titrate.platform.impl.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.FieldError;

/** {@code Idempotency-Key} on POST: a retried request gets the first answer, not a second record. */
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;

    @Context
    private ResourceInfo resourceInfo;

    IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    private record Claim(String username, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        key = key.strip();
        if (key.isEmpty() || key.length() > 200) {
            request.abortWith(Problems.response(400, "Invalid input", HEADER + " must be 1-200 characters",
                    List.of(new FieldError(HEADER, "must be 1-200 characters"))));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String username = request.getSecurityContext().getUserPrincipal().getName();
        String fingerprint = fingerprint(request.getUriInfo().getPath(), body);
        IdempotencyStore.Lookup lookup;
        try {
            lookup = store.claim(username, key, fingerprint, resourceMethod());
            if (lookup instanceof IdempotencyStore.CutOff cut) {
                lookup = store.settle(username, key, cut);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
        if (lookup instanceof IdempotencyStore.Claimed) {
            request.setProperty(CLAIM, new Claim(username, key));
            RequestKeys.bind(username, key);
        } else if (lookup instanceof IdempotencyStore.Committed committed) {
            String claimed = key;
            request.abortWith(FirstAnswer.rebuild(request, committed.documents(), (status, location, answer) -> {
                try {
                    store.complete(username, claimed, status, location, answer, true);
                } catch (SQLException e) {
                    LOG.warn("Could not record the rebuilt answer for {} '{}' of user {}", HEADER, claimed, username, e);
                }
            }).header(HEADER, key).header("Idempotent-Replayed", "true").build());
        } else if (lookup instanceof IdempotencyStore.Replay replay) {
            Response.ResponseBuilder b = Response.status(replay.status()).header(HEADER, key).header("Idempotent-Replayed", "true");
            if (replay.location() != null) {
                b.location(URI.create(replay.location()));
            }
            if (replay.body() != null) {
                b.entity(replay.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
            }
            request.abortWith(b.build());
        } else if (lookup instanceof IdempotencyStore.CutOff) {
            // Only for work that appends no event under its key (see IdempotencyStore.settle): nothing tells whether it committed.
            request.abortWith(Problems.response(409, "Conflict", "The request with " + HEADER + " '" + key
                    + "' was cut off by a restart of the server before it answered, so whether it took effect is unknown. Look for"
                    + " what it would have made (the list, by your reference) and send it again with a new " + HEADER + " if it is not there",
                    List.of(new FieldError(HEADER, "was cut off by a restart; its outcome is unknown"))));
        } else if (lookup instanceof IdempotencyStore.Mismatch) {
            request.abortWith(Problems.response(422, "Unprocessable request", HEADER + " '" + key
                    + "' was already used for a different request", List.of(new FieldError(HEADER, "was already used for a different request"))));
        } else {
            request.abortWith(Problems.response(409, "Conflict", "A request with " + HEADER + " '" + key
                    + "' is still being processed", List.of(new FieldError(HEADER, "is still being processed"))));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        boolean logged = RequestKeys.unbind();
        try {
            if (response.getStatus() >= 200 && response.getStatus() < 300) {
                String body = response.hasEntity() ? Json.MAPPER.writeValueAsString(response.getEntity()) : null;
                URI location = response.getLocation();
                store.complete(claim.username(), claim.key(), response.getStatus(), location == null ? null : location.toString(), body,
                        logged);
            } else {
                store.release(claim.username(), claim.key());
            }
        } catch (SQLException | IOException e) {
            LOG.warn("Could not record the answer for {} '{}' of user {}", HEADER, claim.key(), claim.username(), e);
        }
    }

    /** The resource method the request was matched to, as {@code Class#method}. */
    private String resourceMethod() {
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        java.lang.reflect.Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        return type == null || method == null ? null : type.getName() + "#" + method.getName();
    }

    private static String fingerprint(String path, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
