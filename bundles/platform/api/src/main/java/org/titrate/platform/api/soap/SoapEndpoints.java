package org.titrate.platform.api.soap;

import java.util.SortedSet;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes a module's SOAP service at {@code /soap/<name>} with the house rules applied: HTTP
 * Basic against the Titrate users, roles per operation from the implementation's
 * {@link org.titrate.platform.api.security.Allowed}, {@link org.titrate.platform.api.ProblemException}s
 * as client faults naming the field, and the caller recorded as {@link org.titrate.platform.api.security.CurrentUser}.
 */
@ProviderType
public interface SoapEndpoints {

    /**
     * @param name        the service name, the last segment of its address
     * @param implementor an instance of a {@code @WebService} class whose methods (or the class) say with
     *                    {@code @Allowed} which roles may call each operation; an operation without is for
     *                    {@code admin} only; each declares {@code throws} {@link ProblemFault}, so that the WSDL
     *                    names the fault detail every refusal carries
     * @return closing it takes the endpoint down
     */
    AutoCloseable publish(String name, Object implementor);

    /** The names of the services published now, for status pages and tests. */
    SortedSet<String> published();
}
