package org.titrate.sales.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.sales.api.CreditService;
import org.titrate.sales.api.CustomerCredit;

/** {@code /customers/{code}/credit}: limit, exposure, available and overdue of a customer (kept by sales, beside customers' own paths). */
@Component(service = RestResource.class)
@Path("/customers/{code}/credit")
@Produces(MediaType.APPLICATION_JSON)
public class CreditResource implements RestResource {

    @Reference
    private CreditService credit;

    @GET
    public CustomerCredit credit(@PathParam("code") String code) {
        return credit.credit(code);
    }
}
