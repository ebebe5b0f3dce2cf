package org.titrate.platform.impl.soap;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import javax.servlet.http.HttpServletRequest;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.security.AccessDeniedException;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.interceptor.security.SimpleAuthorizingInterceptor;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.SecurityContext;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.titrate.platform.impl.licensing.ModuleLicences;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemDetail;
import org.titrate.platform.impl.rest.Problems;
import org.titrate.platform.impl.security.JaasAuthenticator;
import org.titrate.platform.impl.security.Permissions;

/**
 * SOAP endpoints on CXF, secured like the REST API: each service twice, SOAP 1.1 under {@code /soap/<name>} and SOAP 1.2
 * under {@code /soap12/<name>}, each with its own WSDL, because one WSDL port has one binding and a generated client
 * takes the binding its WSDL names. Both run the same interceptors, so security, limits and faults cannot differ.
 */
@Component(service = org.titrate.platform.api.soap.SoapEndpoints.class)
public class CxfSoapEndpoints implements org.titrate.platform.api.soap.SoapEndpoints {
    public static final String PREFIX = "/soap/";
    public static final String PREFIX_12 = "/soap12/";
    private static final javax.xml.bind.JAXBContext PROBLEM;

    static {
        try {
            PROBLEM = javax.xml.bind.JAXBContext.newInstance(ProblemDetail.class);
        } catch (javax.xml.bind.JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The services up now; CXF's own list page is hidden (etc/org.apache.cxf.osgi.cfg). */
    private final Set<String> published = new ConcurrentSkipListSet<>();

    @Reference
    private ModuleLicences licences;

    @Reference
    private javax.transaction.TransactionManager transactions;

    @Reference
    private org.titrate.platform.impl.security.SoapKeys soapKeys;

    @Reference
    private org.titrate.platform.impl.security.UserDirectory users;

    /** Runs the operation through the same check as REST: unreadable fields and the module's rules in one fault. */
    static final class CheckedInvoker extends org.apache.cxf.jaxws.JAXWSMethodInvoker {
        private final javax.transaction.TransactionManager transactions;

        CheckedInvoker(Object implementor, javax.transaction.TransactionManager transactions) {
            super(implementor);
            this.transactions = transactions;
        }

        @Override
        protected Object performInvocation(org.apache.cxf.message.Exchange exchange, Object serviceObject, java.lang.reflect.Method m,
                Object[] paramArray) throws Exception {
            return org.titrate.platform.impl.rest.InputCheckingInvoker.invoke(transactions,
                    () -> super.performInvocation(exchange, serviceObject, m, paramArray));
        }
    }

    /**
     * A value the data binding cannot convert ("abc" for a number) is recorded under its field and reading goes on, the
     * field left empty; warnings are ignored as JAXB's default does; anything else, or a value whose field is unknown,
     * stops the reading as before.
     */
    static final class UnreadableFields implements javax.xml.bind.ValidationEventHandler {
        @Override
        public boolean handleEvent(javax.xml.bind.ValidationEvent event) {
            if (event.getSeverity() == javax.xml.bind.ValidationEvent.WARNING) {
                return true;
            }
            if (event.getSeverity() != javax.xml.bind.ValidationEvent.ERROR) {
                return false;
            }
            Message message = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
            String field = message == null ? null : FieldPath.of(message.getExchange());
            if (field == null) {
                return false;
            }
            String said = event.getMessage() == null ? "" : ": " + event.getMessage().strip();
            org.titrate.platform.impl.rest.InputErrors.add(List.of(new FieldError(field, "cannot be read" + said)));
            return true;
        }
    }

    @Override
    public AutoCloseable publish(String name, Object implementor) {
        Server soap11 = server(PREFIX + name, implementor, javax.xml.ws.soap.SOAPBinding.SOAP11HTTP_BINDING);
        Server soap12;
        try {
            soap12 = server(PREFIX_12 + name, implementor, javax.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING);
        } catch (RuntimeException e) {
            soap11.destroy();
            throw e;
        }
        published.add(name);
        return () -> {
            published.remove(name);
            soap11.destroy();
            soap12.destroy();
        };
    }

    private Server server(String address, Object implementor, String bindingId) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(implementor.getClass().getClassLoader());
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setAddress(address);
            factory.setServiceBean(implementor);
            factory.setBindingId(bindingId);
            factory.setBindingConfig(new OperationNamedActions(
                    (org.apache.cxf.jaxws.support.JaxWsServiceFactoryBean) factory.getServiceFactory()));
            factory.setInvoker(new CheckedInvoker(implementor, transactions));
            // a value JAXB cannot read leaves its field empty and is named with the fields the module's rules refuse
            factory.getProperties(true).put("jaxb-validation-event-handler", new UnreadableFields());

            SimpleAuthorizingInterceptor authorize = new SimpleAuthorizingInterceptor();
            authorize.setMethodRolesMap(Permissions.soapOperations(implementor.getClass()));
            authorize.setGlobalRoles(Roles.ADMIN);
            factory.getInInterceptors().add(new DeclaredCharset());
            factory.getInInterceptors().add(new FieldPath());
            factory.getInInterceptors().add(new UsernameTokens(soapKeys, users));
            factory.getInInterceptors().add(new Login());
            factory.getInInterceptors().add(new SoapActionCheck());
            factory.getInInterceptors().add(authorize);
            factory.getInInterceptors().add(new LicenceCheck(licences, implementor.getClass()));
            factory.getInInterceptors().add(new BindCaller());
            factory.getOutInterceptors().add(new DeclaredCharset.Utf8Answers());
            factory.getOutFaultInterceptors().add(new DeclaredCharset.Utf8Answers());
            factory.getOutInterceptors().add(new UnbindCaller(Phase.SETUP));
            factory.getOutFaultInterceptors().add(new ClientFaults());
            factory.getOutFaultInterceptors().add(new UnbindCaller(Phase.SETUP));
            return factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The WSDL names each operation's own name as its {@code soapAction} (JAX-WS leaves it empty), so that clients
     * generated from it (.NET's above all) send a SOAPAction that says what they call, and CXF can check it.
     */
    static final class OperationNamedActions extends org.apache.cxf.jaxws.binding.soap.JaxWsSoapBindingConfiguration {
        OperationNamedActions(org.apache.cxf.jaxws.support.JaxWsServiceFactoryBean serviceFactory) {
            super(serviceFactory);
        }

        @Override
        public String getSoapAction(org.apache.cxf.service.model.OperationInfo op) {
            String declared = super.getSoapAction(op);
            return declared == null || declared.isEmpty() ? op.getName().getLocalPart() : declared;
        }
    }

    @Override
    public SortedSet<String> published() {
        return new TreeSet<>(published);
    }

    /**
     * HTTP Basic against the same login path as REST (throttle, audit, the short-lived cache of good logins), so a SOAP
     * client guessing passwords is locked out like any other; or the caller a WS-Security UsernameToken signed in
     * ({@link UsernameTokens}, just before).
     */
    static final class Login extends AbstractPhaseInterceptor<Message> {
        Login() {
            // Before the body is read: a stranger's request costs no parsing of the body (a UsernameToken needs the header)
            super(Phase.PRE_PROTOCOL);
            addAfter(UsernameTokens.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            org.titrate.platform.impl.rest.InputErrors.clear();
            JaasAuthenticator.Caller caller = (JaasAuthenticator.Caller) message.get(UsernameTokens.CALLER);
            if (caller == null) {
                caller = basic(message);
            }
            JaasAuthenticator.Caller signedIn = caller;
            message.put(SecurityContext.class, new SecurityContext() {
                @Override
                public java.security.Principal getUserPrincipal() {
                    return signedIn::username;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return signedIn.roles().contains(role);
                }
            });
        }

        private static JaasAuthenticator.Caller basic(Message message) {
            AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
            if (policy == null || policy.getUserName() == null || policy.getPassword() == null) {
                throw new AuthenticationException("Authentication required");
            }
            HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
            JaasAuthenticator.Caller caller;
            try {
                caller = JaasAuthenticator.login(policy.getUserName(), policy.getPassword(), "http",
                        request == null ? null : request.getRemoteAddr());
            } catch (JaasAuthenticator.Throttled e) {
                throw new Fault(new ProblemException(429, "Too Many Requests", e.getMessage(), null));
            }
            if (caller == null) {
                throw new AuthenticationException("Authentication failed");
            }
            return caller;
        }
    }

    /**
     * A module that is not licensed answers every operation with a fault "module … not licensed"; a read-only one every
     * operation but its reads ({@code get…}, {@code find…}, {@code list…}). After the login and the role check.
     */
    static final class LicenceCheck extends AbstractPhaseInterceptor<Message> {
        private final ModuleLicences licences;
        private final Class<?> implementor;

        LicenceCheck(ModuleLicences licences, Class<?> implementor) {
            super(Phase.PRE_INVOKE);
            this.licences = licences;
            this.implementor = implementor;
        }

        @Override
        public void handleMessage(Message message) {
            BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
            String name = operation == null ? "" : operation.getName().getLocalPart();
            boolean read = name.startsWith("get") || name.startsWith("find") || name.startsWith("list");
            try {
                ModuleLicences.check(licences.of(implementor), !read);
            } catch (ProblemException refused) {
                throw new Fault(refused);
            }
        }
    }

    /** Records the authenticated user for the audit trail of what the operation changes. */
    static final class BindCaller extends AbstractPhaseInterceptor<Message> {
        BindCaller() {
            super(Phase.PRE_INVOKE);
        }

        @Override
        public void handleMessage(Message message) {
            SecurityContext sc = message.get(SecurityContext.class);
            if (sc != null && sc.getUserPrincipal() != null) {
                CurrentUser.bind(sc.getUserPrincipal().getName());
            }
        }
    }

    static final class UnbindCaller extends AbstractPhaseInterceptor<Message> {
        UnbindCaller(String phase) {
            super(phase);
        }

        @Override
        public void handleMessage(Message message) {
            CurrentUser.unbind();
        }
    }

    /**
     * A refused request is the client's fault: {@code soap:Client} with the HTTP-like status and
     * the bad fields in the detail, so legacy systems can show the same message as the REST API.
     */
    static final class ClientFaults extends AbstractPhaseInterceptor<Message> {
        ClientFaults() {
            super(Phase.PRE_LOGICAL);
        }

        @Override
        public void handleMessage(Message message) {
            Exception e = message.getContent(Exception.class);
            if (!(e instanceof Fault fault)) {
                return;
            }
            ProblemException problem = Problems.classify(fault);
            for (Throwable t = fault; t != null && problem == null; t = t.getCause()) {
                if (t instanceof AuthenticationException) {
                    problem = new ProblemException(401, "Unauthorized", "Sign in with HTTP Basic or a WS-Security UsernameToken of a Titrate user", null);
                } else if (t instanceof AccessDeniedException) {
                    problem = new ProblemException(403, "Forbidden", "The user lacks a role for this operation", null);
                }
            }
            if (problem == null) {
                problem = unreadable(fault, message);
            }
            if (problem == null && isGet(message)) {
                // ?wsdl=… or ?xsd=… naming a document the service does not have: not found, not a server error
                problem = new ProblemException(404, "Not Found", "No such WSDL or schema document", null);
            }
            if (problem == null) {
                if (soap12(message) && fault.getFaultCode() != null
                        && ("Sender".equals(fault.getFaultCode().getLocalPart()) || Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode()))) {
                    // CXF's own refusals of the request (a DOCTYPE, an unreadable envelope) are env:Sender too
                    fault.setStatusCode(400);
                }
                return;
            }
            // CXF's own client code becomes soap:Client on SOAP 1.1 and env:Sender on SOAP 1.2
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            if (problem.status() == 401 || problem.status() == 429 || problem.status() == 404 && isGet(message)) {
                // WS-I answers faults with 500; a missing login or a locked one is better told the HTTP way, as
                // REST does. Everything else, 403 included, stays a SOAP fault that JAX-WS clients can read.
                fault.setStatusCode(problem.status());
            } else if (soap12(message)) {
                // the SOAP 1.2 HTTP binding answers env:Sender with 400 Bad Request
                fault.setStatusCode(400);
            }
            fault.setMessage(problem.title() + ": " + problem.detail());
            // the detail every operation declares (ProblemFault), written by its own bean so that it cannot drift from the WSDL
            try {
                PROBLEM.createMarshaller().marshal(ProblemDetail.of(problem), fault.getOrCreateDetail());
            } catch (javax.xml.bind.JAXBException unwritable) {
                throw new IllegalStateException("cannot write the fault detail", unwritable);
            }
        }

        private static boolean soap12(Message message) {
            return message instanceof org.apache.cxf.binding.soap.SoapMessage soap
                    && soap.getVersion() instanceof org.apache.cxf.binding.soap.Soap12;
        }

        private static boolean isGet(Message message) {
            Message in = message.getExchange().getInMessage();
            return in != null && "GET".equals(in.get(Message.HTTP_REQUEST_METHOD));
        }

        /** A value the data binding could not read ("abc" for a number): the client's error, naming the field it was in. */
        private static ProblemException unreadable(Fault fault, Message message) {
            boolean unmarshalling = fault.getMessage() != null && fault.getMessage().startsWith("Unmarshalling Error");
            for (Throwable t = fault; t != null && !unmarshalling; t = t.getCause()) {
                unmarshalling = "javax.xml.bind.UnmarshalException".equals(t.getClass().getName()) || t instanceof NumberFormatException;
            }
            if (!unmarshalling) {
                return null;
            }
            String field = FieldPath.of(message.getExchange());
            String said = fault.getMessage() == null ? "" : fault.getMessage().replaceFirst("^Unmarshalling Error:\\s*", "").strip();
            return new ValidationException(field == null ? "body" : field, "cannot be read" + (said.isEmpty() ? "" : ": " + said));
        }
    }
}
