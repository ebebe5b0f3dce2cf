package org.titrate.platform.api.soap;

import javax.xml.ws.WebFault;

/**
 * The fault every SOAP operation declares: its detail is {@code {urn:titrate:fault}problem} ({@link ProblemDetail}: status,
 * title, detail and each bad field with its message), so that a client generated from the WSDL catches this typed exception
 * and reads {@code getFaultInfo().getErrors()}. Operations throw {@link org.titrate.platform.api.ProblemException} as
 * before; the platform writes every refusal in this shape, declared or not.
 */
@WebFault(name = "problem", targetNamespace = ProblemDetail.NS, faultBean = "org.titrate.platform.api.soap.ProblemDetail")
public class ProblemFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ProblemDetail faultInfo;

    public ProblemFault(String message, ProblemDetail faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public ProblemFault(String message, ProblemDetail faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public ProblemDetail getFaultInfo() {
        return faultInfo;
    }
}
