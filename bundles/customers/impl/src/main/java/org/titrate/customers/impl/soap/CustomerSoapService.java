package org.titrate.customers.impl.soap;

import java.util.Optional;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerQuery;
import org.titrate.customers.api.CustomerService;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;

/** {@code /soap/CustomerService}: the customer master for legacy finance systems, document/literal wrapped. */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@WebService(name = "CustomerService", serviceName = "CustomerService", portName = "CustomerServicePort",
        targetNamespace = CustomerSoapService.NS)
public class CustomerSoapService {
    public static final String NS = "urn:titrate:customers";

    private final CustomerService customers;

    public CustomerSoapService(CustomerService customers) {
        this.customers = customers;
    }

    @WebMethod
    @WebResult(name = "customer")
    public CustomerData getCustomer(@WebParam(name = "code") String code) throws ProblemFault {
        if (code == null || code.isBlank()) {
            throw new ValidationException("code", "is required");
        }
        return CustomerData.of(customers.get(code.strip()));
    }

    @WebMethod
    @WebResult(name = "page")
    public CustomerPage findCustomers(@WebParam(name = "query") String query, @WebParam(name = "offset") Integer offset,
            @WebParam(name = "limit") Integer limit) throws ProblemFault {
        PageRequest page = new PageRequest(offset == null ? 0 : offset, limit == null ? PageRequest.DEFAULT_LIMIT : limit);
        Page<Customer> found = customers.find(new CustomerQuery(query, null, null, page));
        CustomerPage result = new CustomerPage();
        result.items = found.items().stream().map(CustomerData::of).toList();
        result.total = found.total();
        result.offset = found.offset();
        result.limit = found.limit();
        return result;
    }

    /** Creates the customer, or updates the one with the same code; a version, when sent, must be current. */
    @WebMethod
    @Allowed(Roles.SALES)
    @WebResult(name = "customer")
    public CustomerData saveCustomer(@WebParam(name = "customer") CustomerData customer) throws ProblemFault {
        if (customer == null) {
            throw new ValidationException("customer", "is required");
        }
        Optional<Customer> existing = customer.code == null || customer.code.isBlank()
                ? Optional.empty() : customers.findByCode(customer.code.strip());
        Customer saved = existing.isPresent()
                ? customers.update(existing.get().code(), customer.toRecord(existing.get().version()))
                : customers.create(customer.toRecord(null));
        return CustomerData.of(saved);
    }
}
