package org.titrate.platform.impl.soap;

import static org.junit.Assert.assertEquals;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.Test;

public class FieldPathTest {

    /** Reads the body up to the text of the element {@code stopAt} (the n-th of that name) and names where the reader is. */
    private static String fieldAt(String body, String stopAt, int occurrence) throws Exception {
        XMLStreamReader raw = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(body));
        raw.nextTag();
        FieldPath.Tracking reader = new FieldPath.Tracking(raw);
        int seen = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals(stopAt) && ++seen == occurrence) {
                return reader.field();
            }
        }
        throw new AssertionError(stopAt + " not found");
    }

    @Test
    public void aLinesFieldIsNamedByItsPlace() throws Exception {
        String order = "<createOrder><order><customerCode>C1</customerCode><lines><line><sku>A</sku><quantity>1</quantity></line>"
                + "<line><sku>B</sku><quantity>many</quantity></line></lines></order></createOrder>";
        assertEquals("lines[1].quantity", fieldAt(order, "quantity", 2));
        assertEquals("lines[0].sku", fieldAt(order, "sku", 1));
        assertEquals("customerCode", fieldAt(order, "customerCode", 1));
    }

    @Test
    public void aSimpleParameterIsNamedByItself() throws Exception {
        assertEquals("afterSeq", fieldAt("<listOrdersChangedAfter><afterSeq>soon</afterSeq></listOrdersChangedAfter>", "afterSeq", 1));
    }

    @Test
    public void onlyAPluralIsAListWrapper() {
        assertEquals(true, FieldPath.Tracking.isWrapper("lines", "line"));
        assertEquals(true, FieldPath.Tracking.isWrapper("customFields", "field"));
        assertEquals(false, FieldPath.Tracking.isWrapper("createOrder", "order"));
        assertEquals(false, FieldPath.Tracking.isWrapper("address", "city"));
    }
}
