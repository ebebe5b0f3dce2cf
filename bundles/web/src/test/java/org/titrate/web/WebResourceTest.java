package org.titrate.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.junit.Test;

public class WebResourceTest {
    private final Map<String, String> built = Map.of(
            "/index.html", "<html>app</html>",
            "/assets/index-abc123.js", "console.log(1)",
            "/assets/index-abc123.js.gz", "gzipped");
    private final WebResource web = new WebResource(path -> built.containsKey(path)
            ? new ByteArrayInputStream(built.get(path).getBytes(StandardCharsets.UTF_8)) : null);

    @Test
    public void theRootAndClientRoutesGetTheApplicationNeverCached() throws Exception {
        for (String path : new String[] {"", "dashboard", "orders/SO-2026-000042", "customers/C0001/"}) {
            Response r = web.file(path, null, true);
            assertEquals(path, 200, r.getStatus());
            assertEquals("text/html; charset=UTF-8", r.getHeaderString("Content-Type"));
            assertEquals("no-cache", r.getHeaderString("Cache-Control"));
            assertEquals(WebResource.CSP, r.getHeaderString("Content-Security-Policy"));
        }
    }

    @Test
    public void hashedAssetsAreCachedForAYearAndGzippedWhenAccepted() throws Exception {
        Response plain = web.file("assets/index-abc123.js", null, true);
        assertEquals(WebResource.LONG_CACHE, plain.getHeaderString("Cache-Control"));
        assertNull(plain.getHeaderString("Content-Encoding"));
        Response gz = web.file("assets/index-abc123.js", "gzip, deflate, br", true);
        assertEquals("gzip", gz.getHeaderString("Content-Encoding"));
        assertEquals("nosniff", gz.getHeaderString("X-Content-Type-Options"));
    }

    @Test
    public void missingFilesTheApiAndEscapesAreNotFound() throws Exception {
        for (String path : new String[] {"assets/nope.js", "api/v1/unknown", "api", "soap/Nope", "assets/../../etc/passwd", "favicon.ico"}) {
            assertEquals(path, 404, web.file(path, null, true).getStatus());
        }
    }
}
