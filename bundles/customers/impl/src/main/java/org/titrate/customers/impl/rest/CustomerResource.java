package org.titrate.customers.impl.rest;

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
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerContact;
import org.titrate.customers.api.CustomerChange;
import org.titrate.customers.api.CustomerQuery;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerTaxData;
import org.titrate.customers.api.CustomerTaxService;
import org.titrate.customers.api.CustomerStatus;
import org.titrate.customers.api.FollowUp;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code /customers} and their follow-ups; code or id in the path. Sales keeps the customer master. */
@Component(service = RestResource.class)
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource implements RestResource {

    @Reference
    private CustomerService customers;

    @Reference
    private CustomerTaxService taxes;

    @GET
    public Page<Customer> list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("channel") String channel, @QueryParam("salesperson") String salesperson, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String search = check.text("q", q, 200, false);
        CustomerStatus s = check.choice("status", status, CustomerStatus.class);
        Channel c = check.choice("channel", channel, Channel.class);
        String owner = check.code("salesperson", salesperson, false);
        check.throwIfInvalid();
        return customers.find(new CustomerQuery(search, s, c, owner, PageRequest.parse(offset, limit)));
    }

    @GET
    @Path("/{id}")
    public Customer get(@PathParam("id") String id) {
        return customers.get(id);
    }

    @POST
    @Allowed(Roles.SALES)
    public Response create(Customer body) {
        Customer created = customers.create(body);
        return Response.created(URI.create("customers/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.SALES)
    public Customer update(@PathParam("id") String id, Customer body) {
        return customers.update(id, body);
    }

    @GET
    @Path("/{id}/history")
    public Page<CustomerChange> history(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return customers.history(id, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{id}/follow-ups")
    public Page<FollowUp> followUps(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return customers.followUps(id, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{id}/follow-ups/{followUpId}")
    public FollowUp followUp(@PathParam("id") String id, @PathParam("followUpId") String followUpId) {
        return customers.followUp(id, followUpId);
    }

    @POST
    @Path("/{id}/follow-ups")
    @Allowed(Roles.SALES)
    public Response addFollowUp(@PathParam("id") String id, FollowUp body) {
        FollowUp created = customers.addFollowUp(id, body);
        return Response.created(URI.create("customers/" + created.customerCode() + "/follow-ups/" + created.id()))
                .entity(created).build();
    }

    /** The customer's contacts for notifications (name, mobile, e-mail, language, accepted channels). */
    @GET
    @Path("/{id}/contacts")
    public java.util.List<CustomerContact> contacts(@PathParam("id") String id) {
        return customers.contacts(id);
    }

    /** Replaces the contacts as a whole; a bad mobile or e-mail is a 400 naming {@code contacts[i].mobile} or {@code .email}. */
    @PUT
    @Path("/{id}/contacts")
    @Allowed(Roles.SALES)
    public java.util.List<CustomerContact> saveContacts(@PathParam("id") String id, java.util.List<CustomerContact> body) {
        return customers.saveContacts(id, body);
    }

    /** The buyer's tax data for VAT invoices: name, tax id (unified social credit code), address and phone, bank and account. */
    @GET
    @Path("/{id}/tax-data")
    public CustomerTaxData taxData(@PathParam("id") String id) {
        return taxes.get(id);
    }

    @PUT
    @Path("/{id}/tax-data")
    @Allowed({Roles.SALES, Roles.FINANCE})
    public CustomerTaxData setTaxData(@PathParam("id") String id, CustomerTaxData body) {
        return taxes.set(id, body);
    }
}
