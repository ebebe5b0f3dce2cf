package org.titrate.platform.api.soap;

import static org.junit.Assert.assertEquals;

import javax.xml.bind.JAXBContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.titrate.platform.api.ValidationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class ProblemDetailTest {

    /** The detail clients have always read: every element in urn:titrate:fault, one error per bad field. */
    @Test
    public void aRefusalIsWrittenAsTheProblemDetailClientsRead() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().newDocument();
        Element detail = doc.createElement("detail");
        doc.appendChild(detail);
        JAXBContext.newInstance(ProblemDetail.class).createMarshaller()
                .marshal(ProblemDetail.of(new ValidationException("lines[0].deliveryDate", "must be a date YYYY-MM-DD")), detail);

        Element problem = (Element) detail.getFirstChild();
        assertEquals("urn:titrate:fault", problem.getNamespaceURI());
        assertEquals("problem", problem.getLocalName());
        assertEquals("400", text(problem, "status"));
        assertEquals(1, problem.getElementsByTagNameNS("urn:titrate:fault", "error").getLength());
        assertEquals("lines[0].deliveryDate", text(problem, "field"));
        assertEquals("must be a date YYYY-MM-DD", text(problem, "message"));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("urn:titrate:fault", name).item(0).getTextContent();
    }
}
