package org.titrate.platform.impl.soap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.titrate.platform.api.ValidationException;

/**
 * A request whose {@code Content-Type} names no charset is read in the encoding its XML declaration names (UTF-8 when it
 * names none), as XML itself says, not as HTTP's ISO-8859-1 default: a legacy client that sends
 * {@code <?xml version="1.0" encoding="GBK"?>} under a bare {@code text/xml} must not store mojibake in a receipt that can
 * never be changed. A charset in the header still wins, as the SOAP binding says.
 */
final class DeclaredCharset extends AbstractPhaseInterceptor<Message> {
    /** The XML declaration is the document's first thing; 200 bytes hold any real one. */
    private static final int PEEK = 200;
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    DeclaredCharset() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        Object type = message.get(Message.CONTENT_TYPE);
        if (type != null && type.toString().toLowerCase(Locale.ROOT).contains("charset")) {
            return;
        }
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        BufferedInputStream buffered = new BufferedInputStream(in, PEEK * 4);
        byte[] head = new byte[PEEK];
        int n;
        try {
            buffered.mark(PEEK);
            n = buffered.readNBytes(head, 0, PEEK);
            buffered.reset();
        } catch (IOException e) {
            throw new Fault(e);
        }
        message.setContent(InputStream.class, buffered);
        message.put(Message.ENCODING, declared(new String(head, 0, n, StandardCharsets.ISO_8859_1)));
    }

    /** The charset the document's XML declaration names, UTF-8 without one; an unknown one is the client's error. */
    static String declared(String head) {
        String text = head.startsWith("\u00ef\u00bb\u00bf") ? head.substring(3) : head; // a UTF-8 byte order mark
        Matcher m = DECLARED.matcher(text);
        if (!m.find()) {
            return StandardCharsets.UTF_8.name();
        }
        try {
            return Charset.forName(m.group(1)).name();
        } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new ValidationException("encoding", "the XML declaration names '" + m.group(1) + "', which is no charset this server reads;"
                    + " send UTF-8, GBK or GB18030");
        }
    }

    /**
     * Answers are UTF-8 whatever the request was in (WS-I Basic Profile R1012): CXF would otherwise answer in the
     * request's charset, and a GBK answer is one more thing a client can misread.
     */
    static final class Utf8Answers extends AbstractPhaseInterceptor<Message> {
        Utf8Answers() {
            super(Phase.PRE_STREAM);
            addBefore("org.apache.cxf.interceptor.StaxOutInterceptor");
        }

        @Override
        public void handleMessage(Message message) {
            message.put(Message.ENCODING, StandardCharsets.UTF_8.name());
        }
    }
}
