package org.titrate.platform.api.soap;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes a module's SOAP service at {@code /soap/<name>} with the house rules applied: HTTP
 * Basic against the Titrate users, roles per operation, {@link org.titrate.platform.api.ProblemException}s
 * as client faults naming the field, and the caller recorded as {@link org.titrate.platform.api.security.CurrentUser}.
 */
@ProviderType
public interface SoapEndpoints {

    /**
     * @param name            the service name, the last segment of its address
     * @param implementor     an instance of a {@code @WebService} class
     * @param operationRoles  operation name to the roles that may call it ({@code admin} always may);
     *                        operations not listed are for {@code admin} only
     * @return closing it takes the endpoint down
     */
    AutoCloseable publish(String name, Object implementor, Map<String, String[]> operationRoles);
}
