package org.titrate.platform.impl.rest;

import java.time.Duration;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LogSize;
import org.titrate.platform.api.events.LogStatus;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.time.BusinessClock;

/**
 * {@code /events}: the event log for integrations, by sequence number. A client keeps the {@code next} of
 * each answer and asks again with {@code after=next}; it never misses an event and never gets one twice.
 * Admins only: the log names every customer, order and amount of every module.
 */
@Component(service = RestResource.class)
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class EventsResource implements RestResource {

    @Reference
    private EventLog log;

    /**
     * @param next    where to continue: the last event's {@code seq}, or {@code after} when there was none
     * @param size    how big the log is and where its registered cursors stand
     */
    public record EventPage(List<LoggedEvent> items, long after, int limit, long next, LogSize size) {
    }

    @GET
    public EventPage list(@QueryParam("after") String after, @QueryParam("limit") String limit, @QueryParam("type") String type) {
        long from = after(after);
        Check check = new Check();
        Integer l = check.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        String prefix = check.text("type", type, 100, false);
        check.throwIfInvalid();
        int n = l == null ? PageRequest.DEFAULT_LIMIT : l;
        List<LoggedEvent> items = log.read(from, n, prefix);
        return new EventPage(items, from, n, items.isEmpty() ? from : items.get(items.size() - 1).seq(), log.size());
    }

    /** How big the log is, per type, and how far behind each registered cursor is. */
    @GET
    @Path("status")
    public LogStatus status() {
        return log.status();
    }

    /** @param deleted events deleted; none a registered cursor had not passed */
    public record Pruned(long deleted, int olderThanDays, LogStatus status) {
    }

    /**
     * Deletes the events older than {@code olderThanDays} days (0: every event), but never one a registered cursor has
     * not passed: what a consumer still has to handle stays, however old.
     */
    @POST
    @Path("prune")
    public Pruned prune(@QueryParam("olderThanDays") String olderThanDays) {
        Check check = new Check();
        Integer days = check.integer("olderThanDays", olderThanDays, 0, 36500);
        check.throwIfInvalid();
        if (days == null) {
            throw new ValidationException("olderThanDays", "is required: delete events older than this many days (0 or more)");
        }
        long deleted = log.pruneBefore(BusinessClock.now().minus(Duration.ofDays(days)));
        return new Pruned(deleted, days, log.status());
    }

    static long after(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ValidationException("after", "must be a sequence number, 0 or more");
    }
}
