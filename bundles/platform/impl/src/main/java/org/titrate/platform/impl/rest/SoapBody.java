package org.titrate.platform.impl.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A SOAP request's body, read whole before CXF sees it (at most {@code maxBodyBytes}, declared or chunked), so that the
 * limits the REST API holds JSON to hold here too: its size (413) and the items of a list, counted as the elements of
 * one name in one parent — the lines of a document (400 with a {@code soap:Client} fault naming the element and the
 * limit). The count reads the XML without a DTD or entities; XML it cannot read is left to CXF, which refuses it.
 */
final class SoapBody {
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    private final HttpServletRequest request;
    private final byte[] bytes;

    private SoapBody(HttpServletRequest request, byte[] bytes) {
        this.request = request;
        this.bytes = bytes;
    }

    /** Reads at most {@code max} + 1 bytes: one more than the limit tells that the body is too large. */
    static SoapBody read(HttpServletRequest request, long max) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[16384];
            for (int n = in.read(buffer); n >= 0 && body.size() <= max; n = in.read(buffer)) {
                body.write(buffer, 0, n);
            }
        }
        return new SoapBody(request, body.size() > max ? null : body.toByteArray());
    }

    boolean tooLarge() {
        return bytes == null;
    }

    /** The element of which some parent holds more than {@code max}, or null. */
    String tooManyLines(int max) {
        XMLStreamReader xml = null;
        try {
            xml = XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<Map<String, Integer>> open = new ArrayDeque<>();
            open.push(new HashMap<>());
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (open.peek().merge(xml.getNamespaceURI() + " " + name, 1, Integer::sum) > max) {
                        return name;
                    }
                    open.push(new HashMap<>(4));
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException unreadable) {
            return null;
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /**
     * A fault of the client, as CXF answers the other bad fields of a SOAP request, on 400: {@code soap:Client} on
     * SOAP 1.1, {@code env:Sender} on SOAP 1.2 (its own envelope and media type, or a 1.2 client could not read it).
     */
    void refuse(HttpServletResponse answer, String element, boolean soap12) throws IOException {
        int max = RequestLimits.current().maxLinesPerDocument();
        String message = escape(element + ": must hold at most " + max + " items, not more (limit maxLinesPerDocument = " + max + ")");
        answer.setStatus(400);
        answer.setHeader("Cache-Control", "no-store");
        String envelope;
        if (soap12) {
            answer.setContentType("application/soap+xml; charset=UTF-8");
            envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><env:Fault>"
                    + "<env:Code><env:Value>env:Sender</env:Value></env:Code><env:Reason><env:Text xml:lang=\"en\">" + message
                    + "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>";
        } else {
            answer.setContentType("text/xml; charset=UTF-8");
            envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                    + "<faultcode>soap:Client</faultcode><faultstring>" + message + "</faultstring></soap:Fault></soap:Body></soap:Envelope>";
        }
        answer.getOutputStream().write(envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A request body read from memory (blocking reads only, as CXF reads). */
    static ServletInputStream input(ByteArrayInputStream in) {
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("not asynchronous");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    /** The request with its body read from memory. */
    HttpServletRequest request() {
        return new HttpServletRequestWrapper(request) {
            private final ByteArrayInputStream in = new ByteArrayInputStream(bytes);

            @Override
            public ServletInputStream getInputStream() {
                return input(in);
            }

            @Override
            public java.io.BufferedReader getReader() {
                String encoding = getCharacterEncoding();
                return new java.io.BufferedReader(new java.io.InputStreamReader(in,
                        encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
            }
        };
    }
}
