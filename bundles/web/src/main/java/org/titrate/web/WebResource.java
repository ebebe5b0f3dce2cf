package org.titrate.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HEAD;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

/**
 * The application's files: a file of the build is answered as it is (gzipped when the build left a
 * {@code .gz} beside it and the browser accepts gzip); any other page path is a client route and gets
 * {@code index.html}, so a reload or a bookmark of {@code /orders/SO-2026-000042} works. Paths of the API
 * and SOAP that no endpoint serves, and missing files (a name with an extension), stay 404.
 * Hashed assets are cached for a year, everything else is revalidated, so a new build shows at once.
 * Every answer carries the application's security headers.
 */
@Path("/")
public class WebResource {
    /**
     * No inline script anywhere (the build emits none); Element Plus sets style attributes, so inline
     * styles stay allowed. The application is never framed and talks only to its own origin.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String LONG_CACHE = "public, max-age=31536000, immutable";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "woff2", "font/woff2",
            "woff", "font/woff",
            "ttf", "font/ttf");

    private final WebFiles files;

    WebResource(WebFiles files) {
        this.files = files;
    }

    @GET
    public Response root(@HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings) throws IOException {
        return file("", encodings, true);
    }

    @GET
    @Path("{path:.+}")
    public Response get(@PathParam("path") String path, @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings) throws IOException {
        return file(path, encodings, true);
    }

    @HEAD
    @Path("{path:.*}")
    public Response head(@PathParam("path") String path, @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings) throws IOException {
        return file(path, encodings, false);
    }

    Response file(String path, String encodings, boolean body) throws IOException {
        String p = "/" + (path == null ? "" : path);
        if (!isApplicationPath(p) || !isSafe(p)) {
            return notFound();
        }
        String file = p.equals("/") ? "/index.html" : p;
        InputStream in = file.endsWith("/") ? null : files.open(file);
        if (in == null) {
            if (!isClientRoute(file)) {
                return notFound();
            }
            file = "/index.html";
            in = files.open(file);
            if (in == null) {
                return notFound();
            }
        }
        Response.ResponseBuilder r = Response.ok().type(TYPES.getOrDefault(extension(file), "application/octet-stream"));
        if (encodings != null && encodings.contains("gzip")) {
            InputStream gz = files.open(file + ".gz");
            if (gz != null) {
                in.close();
                in = gz;
                r.header("Content-Encoding", "gzip");
            }
        }
        r.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        r.header(HttpHeaders.CACHE_CONTROL, file.startsWith("/assets/") ? LONG_CACHE : "no-cache");
        secure(r);
        if (!body) {
            in.close();
            return r.build();
        }
        InputStream stream = in;
        StreamingOutput out = o -> {
            try (stream) {
                stream.transferTo(o);
            }
        };
        return r.entity(out).build();
    }

    private static Response notFound() {
        Response.ResponseBuilder r = Response.status(404).type("text/plain; charset=UTF-8").entity("Not Found");
        secure(r);
        return r.build();
    }

    private static void secure(Response.ResponseBuilder r) {
        r.header("Content-Security-Policy", CSP);
        r.header("X-Content-Type-Options", "nosniff");
        r.header("X-Frame-Options", "DENY");
        r.header("Referrer-Policy", "same-origin");
    }

    /** The API and SOAP are never the application's: an unknown path there is the API's 404, not a page. */
    static boolean isApplicationPath(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.equals("/soap") || path.startsWith("/soap/"));
    }

    /** A path the application's router answers: its last segment has no extension, so a missing file stays a 404. */
    static boolean isClientRoute(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    /** No way out of the build's folder. */
    static boolean isSafe(String path) {
        return path.startsWith("/") && !path.contains("..") && !path.contains("\\") && !path.contains("//") && !path.contains("\u0000");
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1);
    }
}
