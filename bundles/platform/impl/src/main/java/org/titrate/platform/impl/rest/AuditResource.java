package org.titrate.platform.impl.rest;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.audit.AuditQuery;
import org.titrate.platform.impl.audit.AuditTrail;

/** {@code /audit}: the audit of administration (user, role, password, module, configuration changes and logins), newest first. */
@Component(service = RestResource.class)
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class AuditResource implements RestResource {

    @Reference
    private AuditTrail audit;

    @GET
    public List<AuditTrail.Entry> list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("user") String user,
            @QueryParam("limit") String limit) {
        return AuditQuery.parse(from, to, user, limit).run(audit);
    }
}
