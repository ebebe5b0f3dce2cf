package org.titrate.sales.impl.rest;

import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.sales.api.CustomField;
import org.titrate.sales.api.SalesSetupService;

/** {@code /custom-fields}: extra document fields, defined by administrators without code; key or id in the path. */
@Component(service = RestResource.class)
@Path("/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomFieldResource implements RestResource {

    @Reference
    private SalesSetupService setup;

    @GET
    public Page<CustomField> list(@QueryParam("entity") String entity, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String e = check.text("entity", entity, 40, false);
        check.throwIfInvalid();
        return setup.customFields(e, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{id}")
    public CustomField get(@PathParam("id") String id) {
        return setup.customField(id);
    }

    @POST
    public Response create(CustomField body) {
        CustomField created = setup.createCustomField(body);
        return Response.created(URI.create("custom-fields/" + created.key())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    public CustomField update(@PathParam("id") String id, CustomField body) {
        return setup.updateCustomField(id, body);
    }
}
