package org.titrate.notifications.impl.rest;

import java.util.HashSet;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.notifications.api.Inbox;
import org.titrate.notifications.api.InboxMessage;
import org.titrate.notifications.api.NotificationService;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.security.Roles;

/** {@code /notifications}: the signed-in user's in-app inbox, unread first, with the unread count; {@code POST /{id}/read}. */
@Component(service = RestResource.class)
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource implements RestResource {

    @Reference
    private NotificationService notifications;

    @GET
    public Inbox inbox(@Context SecurityContext security, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return notifications.inbox(CurrentUser.name(), roles(security), PageRequest.parse(offset, limit));
    }

    /** Everyone may mark their own messages read, viewers included. */
    @POST
    @Path("/{id}/read")
    @Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
    public InboxMessage read(@Context SecurityContext security, @PathParam("id") String id) {
        return notifications.markRead(CurrentUser.name(), roles(security), id);
    }

    private static Set<String> roles(SecurityContext security) {
        Set<String> roles = new HashSet<>();
        for (String r : Roles.ALL) {
            if (security != null && security.isUserInRole(r)) {
                roles.add(r);
            }
        }
        return roles;
    }
}
