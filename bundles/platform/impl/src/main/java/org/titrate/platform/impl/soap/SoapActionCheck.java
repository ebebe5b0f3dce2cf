package org.titrate.platform.impl.soap;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.SoapActionInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.service.model.MessagePartInfo;
import org.titrate.platform.api.ValidationException;

/**
 * A SOAPAction (SOAP 1.1's header, SOAP 1.2's {@code action} parameter of the content type) that is not empty must name
 * the operation the body calls. CXF picks the operation by the action before it reads the body and answers a mismatch
 * with a server fault; a client that sends one operation's action with another's body made the mistake, so it hears a
 * client fault naming {@code SOAPAction}, before anything is read or done.
 */
final class SoapActionCheck extends AbstractPhaseInterceptor<Message> {
    static final String FIELD = "SOAPAction";

    SoapActionCheck() {
        super(Phase.UNMARSHAL);
        addBefore("org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor");
        addBefore(FieldPath.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        String action = SoapActionInInterceptor.getSoapAction(message);
        if (action == null || action.isEmpty() || !(message instanceof SoapMessage)) {
            return;
        }
        BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
        if (operation == null) {
            throw new Fault(new ValidationException(FIELD, "'" + action + "' names no operation of this service;"
                    + " send the operation's name, as the WSDL's soapAction says, or leave it empty"));
        }
        String body = bodyElement(message);
        String expected = requestElement(operation);
        if (body != null && !body.equals(expected)) {
            throw new Fault(new ValidationException(FIELD, "'" + action + "' names the operation " + operation.getName().getLocalPart()
                    + " but the body calls " + body));
        }
    }

    /** The local name of the body's first element, where the reader stands once the headers are read; null if none. */
    private static String bodyElement(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null) {
            return null;
        }
        try {
            while (reader.getEventType() != XMLStreamReader.START_ELEMENT && reader.isWhiteSpace() && reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return reader.getEventType() == XMLStreamReader.START_ELEMENT ? reader.getLocalName() : null;
    }

    private static String requestElement(BindingOperationInfo operation) {
        BindingOperationInfo unwrapped = operation.isUnwrapped() ? operation.getWrappedOperation() : operation;
        if (unwrapped.getOperationInfo().getInput() != null && !unwrapped.getOperationInfo().getInput().getMessageParts().isEmpty()) {
            MessagePartInfo part = unwrapped.getOperationInfo().getInput().getMessagePartByIndex(0);
            QName element = part.getElementQName();
            if (element != null) {
                return element.getLocalPart();
            }
        }
        return operation.getName().getLocalPart();
    }
}
