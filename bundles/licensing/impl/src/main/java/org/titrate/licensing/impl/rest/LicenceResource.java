package org.titrate.licensing.impl.rest;

import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.licensing.api.Licence;
import org.titrate.licensing.api.LicenceService;
import org.titrate.licensing.api.LicenceStatus;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code /licence}: the licence in force ({@code GET}), and installing one ({@code PUT}, admin, the file as the body). */
@Component(service = RestResource.class)
@Path("/licence")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceResource implements RestResource {

    @Reference
    private LicenceService licences;

    @GET
    @Allowed(Roles.ADMIN)
    public LicenceStatus show() {
        return licences.status();
    }

    @PUT
    @Allowed(Roles.ADMIN)
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    public LicenceStatus install(InputStream body) throws IOException {
        // At most one byte more than a licence may have: a huge body is refused without being held in memory.
        byte[] file = body == null ? new byte[0] : body.readNBytes(Licence.MAX_BYTES + 1);
        if (file.length > Licence.MAX_BYTES) {
            drain(body);
        }
        if (file.length == 0) {
            throw new ValidationException("licence", "send the licence file as the request body");
        }
        return licences.install(file);
    }

    /**
     * Reads and drops the rest of an oversized body (up to 64 MB), so the client that is still sending gets the 400
     * rather than a connection closed under it.
     */
    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = 64L * 1024 * 1024;
        int n;
        while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }
}
