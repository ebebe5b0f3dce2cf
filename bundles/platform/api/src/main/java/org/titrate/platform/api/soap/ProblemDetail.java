package org.titrate.platform.api.soap;

import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;

/**
 * The detail of every SOAP fault, {@code {urn:titrate:fault}problem}: the HTTP-like {@code status} (400, 403, 404, 409, …),
 * {@code title}, {@code detail} and one {@code error} per bad field ({@code field} as REST names it, e.g.
 * {@code lines[0].deliveryDate}, and its {@code message}).
 */
@XmlRootElement(name = "problem", namespace = ProblemDetail.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "problem", namespace = ProblemDetail.NS, propOrder = {"status", "title", "detail", "errors"})
public class ProblemDetail {
    public static final String NS = "urn:titrate:fault";

    @XmlElement(namespace = NS)
    private int status;
    @XmlElement(namespace = NS)
    private String title;
    @XmlElement(namespace = NS)
    private String detail;
    @XmlElement(name = "error", namespace = NS)
    private List<BadField> errors = new ArrayList<>();

    /** One bad field and what is wrong with it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "fieldError", namespace = ProblemDetail.NS, propOrder = {"field", "message"})
    public static class BadField {
        @XmlElement(namespace = NS)
        private String field;
        @XmlElement(namespace = NS)
        private String message;

        public String getField() {
            return field;
        }

        public String getMessage() {
            return message;
        }
    }

    /** What a refusal says on the wire. */
    public static ProblemDetail of(ProblemException problem) {
        ProblemDetail d = new ProblemDetail();
        d.status = problem.status();
        d.title = problem.title();
        d.detail = problem.detail();
        for (FieldError e : problem.errors()) {
            BadField error = new BadField();
            error.field = e.field();
            error.message = e.message();
            d.errors.add(error);
        }
        return d;
    }

    public int getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    public List<BadField> getErrors() {
        return errors;
    }
}
