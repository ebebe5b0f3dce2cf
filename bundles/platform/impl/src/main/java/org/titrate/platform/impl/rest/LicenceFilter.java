package org.titrate.platform.impl.rest;

import java.util.List;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.impl.licensing.ModuleLicences;

/**
 * After the caller is known and allowed: a resource of a module that is not licensed answers 403 "module not
 * licensed"; of a read-only module, every method but GET, HEAD and OPTIONS does. An in-memory look-up per request.
 */
@Priority(Priorities.AUTHORIZATION)
public class LicenceFilter implements ContainerRequestFilter {
    @Context
    private ResourceInfo resourceInfo;

    private final ModuleLicences licences;

    public LicenceFilter(ModuleLicences licences) {
        this.licences = licences;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> resource = resourceInfo.getResourceClass();
        if (resource == null) {
            return;
        }
        String method = request.getMethod();
        boolean change = !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
        try {
            ModuleLicences.check(licences.of(resource), change);
        } catch (ProblemException refused) {
            request.abortWith(Problems.response(refused.status(), refused.title(), refused.detail(), List.of()));
        }
    }
}
