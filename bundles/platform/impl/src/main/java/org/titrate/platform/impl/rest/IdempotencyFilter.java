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
import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.FieldError;

/**
 * {@code Idempotency-Key} on POST: a retried request gets the first answer, not a second record. The claim of the key,
 * the request's work and its answer run in one JTA transaction, begun here and committed when the answer is known
 * (the modules' services join it): so a crash ({@code kill -9}) at any moment leaves either the work with its answer,
 * which a retry replays, or neither, and the retry does the work. The cost: the claim's INSERT and the answer's
 * UPDATE, inside the request's transaction instead of two transactions of their own.
 */
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final TransactionManager transactions;

    IdempotencyFilter(IdempotencyStore store, TransactionManager transactions) {
        this.store = store;
        this.transactions = transactions;
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
            begin();
            try {
                lookup = store.claimInTransaction(username, key, fingerprint) ? new IdempotencyStore.Claimed() : null;
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("40")) {
                    throw e;
                }
                // The same key in a request that is still running: its lock did not come free in time.
                lookup = new IdempotencyStore.InProgress();
            }
            if (!(lookup instanceof IdempotencyStore.Claimed)) {
                rollback();
            }
            if (lookup == null) {
                lookup = store.lookup(username, key, fingerprint);
            }
        } catch (SQLException | SystemException | NotSupportedException e) {
            rollback();
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
        if (lookup instanceof IdempotencyStore.Claimed) {
            request.setProperty(CLAIM, new Claim(username, key));
        } else if (lookup instanceof IdempotencyStore.Replay replay) {
            Response.ResponseBuilder b = Response.status(replay.status()).header(HEADER, key).header("Idempotent-Replayed", "true");
            if (replay.location() != null) {
                b.location(URI.create(replay.location()));
            }
            if (replay.body() != null) {
                b.entity(replay.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
            }
            request.abortWith(b.build());
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
        request.removeProperty(CLAIM);
        if (response.getStatus() < 200 || response.getStatus() >= 300) {
            rollback(); // the claim goes with the work: the client may correct the request and send it with the same key
            return;
        }
        try {
            String body = response.hasEntity() ? Json.MAPPER.writeValueAsString(response.getEntity()) : null;
            URI location = response.getLocation();
            store.completeInTransaction(claim.username(), claim.key(), response.getStatus(), location == null ? null : location.toString(), body);
            transactions.commit();
        } catch (SQLException | IOException | RuntimeException | RollbackException | HeuristicMixedException | HeuristicRollbackException
                 | SystemException e) {
            rollback();
            LOG.info("The work of {} '{}' of user {} did not commit: {}", HEADER, claim.key(), claim.username(), e.toString());
            Response problem = Problems.response(409, "Conflict", "The request could not be committed (" + e.getMessage()
                    + "); nothing was stored, send it again", List.of());
            response.setStatus(409);
            response.getHeaders().remove("Location");
            response.setEntity(problem.getEntity(), null, problem.getMediaType());
        }
    }

    /**
     * Starts the request's transaction. A transaction still associated with this thread belongs to a request whose
     * answer never reached {@link #filter(ContainerRequestContext, ContainerResponseContext)}: it is rolled back.
     */
    private void begin() throws SystemException, NotSupportedException {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            LOG.warn("Rolling back a transaction left on this thread by an earlier request");
            rollback();
        }
        transactions.begin();
    }

    private void rollback() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            LOG.warn("Could not roll back the transaction of a request with {}", HEADER, e);
        }
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
