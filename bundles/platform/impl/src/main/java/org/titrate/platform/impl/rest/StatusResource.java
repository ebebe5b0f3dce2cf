package org.titrate.platform.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.modules.SystemStatus;

/** {@code /status}: the state of the installation for administrators, as {@code titrate:status} shows it. */
@Component(service = RestResource.class)
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class StatusResource implements RestResource {

    @Reference
    private SystemStatus status;

    @GET
    public SystemStatus.Status get() {
        return status.status();
    }
}
