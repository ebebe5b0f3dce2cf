package org.titrate.notifications.impl.rest;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.notifications.api.Delivery;
import org.titrate.notifications.api.DeliveryLogEntry;
import org.titrate.notifications.api.DeliveryQuery;
import org.titrate.notifications.api.DeliveryState;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationEvent;
import org.titrate.notifications.api.NotificationService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code /notification-deliveries}: every stored message with its state, for administrators. */
@Component(service = RestResource.class)
@Path("/notification-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class DeliveryResource implements RestResource {

    @Reference
    private NotificationService notifications;

    @GET
    public Page<Delivery> list(@QueryParam("state") String state, @QueryParam("channel") String channel, @QueryParam("event") String event,
            @QueryParam("customerCode") String customerCode, @QueryParam("orderNumber") String orderNumber,
            @QueryParam("recipient") String recipient, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        DeliveryState s = check.choice("state", state, DeliveryState.class);
        NotificationChannel c = check.choice("channel", channel, NotificationChannel.class);
        NotificationEvent e = check.choice("event", event, NotificationEvent.class);
        String customer = check.text("customerCode", customerCode, 40, false);
        String order = check.text("orderNumber", orderNumber, 40, false);
        String to = check.text("recipient", recipient, 200, false);
        check.throwIfInvalid();
        return notifications.deliveries(new DeliveryQuery(s, c, e, customer, order, to, PageRequest.parse(offset, limit)));
    }

    @GET
    @Path("/{id}")
    public Delivery get(@PathParam("id") String id) {
        return notifications.delivery(id);
    }

    /** The message's delivery log: every attempt and every retry, oldest first. */
    @GET
    @Path("/{id}/log")
    public List<DeliveryLogEntry> log(@PathParam("id") String id) {
        return notifications.log(id);
    }

    /** Makes a pending, failed or given-up message due again now; the attempts so far are kept, the retry is logged. */
    @POST
    @Path("/{id}/retry")
    public Delivery retry(@PathParam("id") String id) {
        return notifications.retry(id);
    }
}
