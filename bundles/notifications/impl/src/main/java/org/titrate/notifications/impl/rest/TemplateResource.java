package org.titrate.notifications.impl.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationEvent;
import org.titrate.notifications.api.NotificationService;
import org.titrate.notifications.api.NotificationTemplate;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/**
 * {@code /notification-templates}: the text of every event, channel and language. Administrators change one with
 * {@code PUT /notification-templates/{event}/{channel}/{language} {"subject","body"}}; an unknown placeholder is a 400.
 */
@Component(service = RestResource.class)
@Path("/notification-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource implements RestResource {

    /** What an administrator writes: the rest of a template is its address and its history. */
    public record TemplateText(String subject, String body) {
    }

    @Reference
    private NotificationService notifications;

    @GET
    public List<NotificationTemplate> list() {
        return notifications.templates();
    }

    @PUT
    @Path("/{event}/{channel}/{language}")
    @Allowed(Roles.ADMIN)
    public NotificationTemplate save(@PathParam("event") String event, @PathParam("channel") String channel,
            @PathParam("language") String language, TemplateText body) {
        Check.body(body);
        Check check = new Check();
        NotificationEvent e = check.choice("event", event, NotificationEvent.class);
        NotificationChannel c = check.choice("channel", channel, NotificationChannel.class);
        check.throwIfInvalid();
        return notifications.saveTemplate(new NotificationTemplate(e, c, language, body.subject(), body.body(), true, null, null));
    }
}
