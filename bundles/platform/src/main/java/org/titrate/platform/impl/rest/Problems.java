package org.titrate.platform.impl.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.titrate.platform.api.FieldError;

/** Builds RFC 7807 responses; filters and the exception mapper share it. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", errors == null ? List.of() : errors);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
