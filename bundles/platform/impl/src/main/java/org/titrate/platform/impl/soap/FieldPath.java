package org.titrate.platform.impl.soap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Where in the request body the reader is, so that a value the data binding cannot read ("abc" for a number) is answered
 * naming its field as the REST API names it ({@code lines[0].quantity}) instead of JAXB's bare "Unmarshalling Error".
 * Wraps the body's reader just before the parameters are read.
 */
final class FieldPath extends AbstractPhaseInterceptor<Message> {

    FieldPath() {
        super(Phase.UNMARSHAL);
        // CXF's reader of document/literal parameters (named, so the platform needs no dependency on cxf-rt-wsdl)
        addBefore("org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor");
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null) {
            return;
        }
        Tracking tracking = new Tracking(reader);
        message.setContent(XMLStreamReader.class, tracking);
        message.getExchange().put(Tracking.class, tracking);
    }

    /** The field the request's reader was at when reading failed, or null. */
    static String of(Exchange exchange) {
        Tracking tracking = exchange == null ? null : exchange.get(Tracking.class);
        return tracking == null ? null : tracking.field();
    }

    /** Follows the elements as they are read: each with how many siblings of its name came before it. */
    static final class Tracking extends StreamReaderDelegate {
        private final Deque<Level> open = new ArrayDeque<>();
        private List<String> lastClosed = List.of();

        private record Level(String name, int index, Map<String, Integer> children) {
        }

        Tracking(XMLStreamReader reader) {
            super(reader);
            if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                open.push(new Level(reader.getLocalName(), 0, new HashMap<>()));
            }
        }

        @Override
        public int next() throws XMLStreamException {
            return seen(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            return seen(super.nextTag());
        }

        private int seen(int event) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = getLocalName();
                Level parent = open.peek();
                int index = parent == null ? 0 : parent.children().merge(name, 1, Integer::sum) - 1;
                open.push(new Level(name, index, new HashMap<>()));
            } else if (event == XMLStreamConstants.END_ELEMENT && !open.isEmpty()) {
                lastClosed = path();
                open.pop();
            }
            return event;
        }

        private List<String> path() {
            List<String> names = new ArrayList<>();
            List<Level> levels = new ArrayList<>(open);
            java.util.Collections.reverse(levels);
            for (int i = 0; i < levels.size(); i++) {
                Level l = levels.get(i);
                Level parent = i == 0 ? null : levels.get(i - 1);
                // a list's items sit in a wrapper named after them (lines/line, customFields/field): the wrapper takes the
                // item's index, as in lines[0]
                if (parent != null && !names.isEmpty() && isWrapper(parent.name(), l.name())) {
                    names.set(names.size() - 1, parent.name() + "[" + l.index() + "]");
                } else {
                    names.add(l.name());
                }
            }
            return names;
        }

        /** A list's wrapper is its item's plural: lines/line, customFields/field (not createOrder/order). */
        static boolean isWrapper(String parent, String item) {
            String p = parent.toLowerCase(java.util.Locale.ROOT);
            String i = item.toLowerCase(java.util.Locale.ROOT);
            return p.endsWith(i + "s") || p.endsWith(i + "es");
        }

        /**
         * The field as a caller names it: without the operation's wrapper element and, below a complex parameter, without
         * the parameter's own element ({@code createOrder/order/lines/line[0]/quantity} is {@code lines[0].quantity}).
         */
        String field() {
            List<String> names = getEventType() == XMLStreamConstants.END_ELEMENT ? lastClosed : path();
            if (names.size() <= 1) {
                return null;
            }
            List<String> inside = names.subList(names.size() > 2 ? 2 : 1, names.size());
            return String.join(".", inside);
        }
    }
}
