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
import org.titrate.customers.api.Employee;
import org.titrate.customers.api.EmployeeService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code /employees}: the salespeople who own customers and orders. Sales keeps them with the customer master. */
@Component(service = RestResource.class)
@Path("/employees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployeeResource implements RestResource {

    @Reference
    private EmployeeService employees;

    @GET
    public Page<Employee> list(@QueryParam("q") String q, @QueryParam("department") String department,
            @QueryParam("active") String active, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        String search = check.text("q", q, 200, false);
        String dept = check.text("department", department, 100, false);
        Boolean a = check.bool("active", active);
        check.throwIfInvalid();
        return employees.find(search, dept, a, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{code}")
    public Employee get(@PathParam("code") String code) {
        return employees.get(code);
    }

    @POST
    @Allowed(Roles.SALES)
    public Response create(Employee body) {
        Employee created = employees.create(body);
        return Response.created(URI.create("employees/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Allowed(Roles.SALES)
    public Employee update(@PathParam("code") String code, Employee body) {
        return employees.update(code, body);
    }
}
