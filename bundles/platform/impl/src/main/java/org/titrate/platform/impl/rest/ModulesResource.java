package org.titrate.platform.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.impl.modules.ModuleCatalog;
import org.titrate.platform.impl.modules.ModuleCatalog.Module;

/** {@code /modules}: which Titrate modules this container has and which are installed. */
@Component(service = RestResource.class)
@Path("/modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource implements RestResource {

    @Reference
    private ModuleCatalog catalog;

    @GET
    public Page<Module> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return Page.of(catalog.modules(), PageRequest.parse(offset, limit));
    }
}
