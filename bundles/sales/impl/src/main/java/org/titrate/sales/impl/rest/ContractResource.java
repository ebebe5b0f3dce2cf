package org.titrate.sales.impl.rest;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.rest.Returns;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.Contract;
import org.titrate.sales.api.ContractAction;
import org.titrate.sales.api.ContractAttachment;
import org.titrate.sales.api.ContractProgress;
import org.titrate.sales.api.ContractQuery;
import org.titrate.sales.api.ContractService;
import org.titrate.sales.api.ContractStatus;

/**
 * {@code /contracts}: sales contracts, their state changes, execution progress and signed scans. Sales keeps them;
 * every role reads them (reads are open to all Titrate roles), attachments included.
 */
@Component(service = RestResource.class)
@Path("/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractResource implements RestResource {
    /** The longest span "expiring within" may ask about. */
    private static final int MAX_EXPIRING_DAYS = 3650;

    @Reference
    private ContractService contracts;

    @GET
    public Page<Contract> list(@QueryParam("customerCode") String customerCode, @QueryParam("status") String status,
            @QueryParam("salesperson") String salesperson, @QueryParam("expiringWithin") String expiringWithin, @QueryParam("q") String q,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        String customer = check.code("customerCode", customerCode, false);
        ContractStatus s = check.choice("status", status, ContractStatus.class);
        String seller = check.code("salesperson", salesperson, false);
        Integer days = check.integer("expiringWithin", expiringWithin, 0, MAX_EXPIRING_DAYS);
        String search = check.text("q", q, 200, false);
        check.throwIfInvalid();
        return contracts.find(new ContractQuery(customer, s, seller, days, search, PageRequest.parse(offset, limit)));
    }

    @GET
    @Path("/{id}")
    public Contract get(@PathParam("id") String id) {
        return contracts.get(id);
    }

    @POST
    @Allowed(Roles.SALES)
    public Response create(Contract body) {
        Contract created = contracts.create(body);
        return Response.created(URI.create("contracts/" + created.number())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.SALES)
    public Contract update(@PathParam("id") String id, Contract body) {
        return contracts.update(id, body);
    }

    @POST
    @Path("/{id}/activate")
    @Allowed(Roles.SALES)
    public Contract activate(@PathParam("id") String id, ActionRequest body) {
        return act(id, ContractAction.ACTIVATE, body);
    }

    @POST
    @Path("/{id}/expire")
    @Allowed(Roles.SALES)
    public Contract expire(@PathParam("id") String id, ActionRequest body) {
        return act(id, ContractAction.EXPIRE, body);
    }

    /** The reason is required ({@code reason}, or {@code comment}). */
    @POST
    @Path("/{id}/terminate")
    @Allowed(Roles.SALES)
    public Contract terminate(@PathParam("id") String id, ActionRequest body) {
        return act(id, ContractAction.TERMINATE, body);
    }

    @GET
    @Path("/{id}/progress")
    public ContractProgress progress(@PathParam("id") String id) {
        return contracts.progress(id);
    }

    /**
     * Uploads a signed scan as the raw request body (any Content-Type; the type is judged by the content); {@code name}
     * is the file name shown and offered on download.
     */
    @POST
    @Path("/{id}/attachments")
    @Returns(value = ContractAttachment.class, description = "Stored; Location names the download")
    @Consumes(MediaType.WILDCARD)
    @Allowed(Roles.SALES)
    public Response attach(@PathParam("id") String id, @QueryParam("name") String name, InputStream body) {
        ContractAttachment a = contracts.attach(id, name, body);
        return Response.created(URI.create("contracts/" + id + "/attachments/" + a.id())).entity(a).build();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        ContractService.Download d = contracts.download(id, attachmentId);
        StreamingOutput body = out -> {
            try (InputStream in = d.content()) {
                in.transferTo(out);
            }
        };
        String name = d.attachment().fileName();
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_");
        String utf8 = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, d.attachment().contentType()).header("Content-Length", d.attachment().size())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private Contract act(String id, ContractAction action, ActionRequest body) {
        String reason = body == null ? null : body.reason() != null ? body.reason() : body.comment();
        return contracts.act(id, action, reason, body == null ? null : body.version());
    }
}
