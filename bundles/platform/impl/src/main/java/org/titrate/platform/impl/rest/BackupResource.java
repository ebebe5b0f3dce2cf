package org.titrate.platform.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.backup.DatabaseBackups;

/**
 * {@code POST /admin/backup}: an online backup of the embedded database, as {@code titrate:backup} takes it; the
 * body {@code {"directory"}} is optional (a new folder inside the backup root). An action, so {@code 200} with where the
 * backup went, its size and how long it took.
 */
@Component(service = RestResource.class)
@Path("/admin/backup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class BackupResource implements RestResource {

    @Reference
    private DatabaseBackups backups;

    /** The optional body. */
    public record BackupRequest(String directory) {
    }

    @POST
    public Response backup(BackupRequest body) {
        DatabaseBackups.Backup b = backups.backup(body == null ? null : body.directory());
        return Response.ok(b).build();
    }
}
