package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Forbidden;
import dev.hallpass.problem.Unauthenticated;
import dev.hallpass.web.Authenticated;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed}, {@code @DenyAll} and {@link Authenticated} on resources with the
 * container's own {@code isUserInRole}, answering 401 for anonymous callers and 403 for the wrong
 * roles — in portable JAX-RS, so it behaves the same on every Jakarta EE server.
 */
@Provider
public class AccessControl implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(null), Priorities.AUTHORIZATION);
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(List.of(method.getAnnotation(RolesAllowed.class).value())), Priorities.AUTHORIZATION);
        } else if (method.isAnnotationPresent(Authenticated.class)) {
            context.register(new Check(List.of()), Priorities.AUTHORIZATION);
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(Arrays.asList(type.getAnnotation(RolesAllowed.class).value())), Priorities.AUTHORIZATION);
        } else if (type.isAnnotationPresent(Authenticated.class)) {
            context.register(new Check(List.of()), Priorities.AUTHORIZATION);
        }
    }

    /** {@code roles} null: nobody; empty: anyone logged in; else: anyone holding one of them. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw new Unauthenticated();
            }
            if (roles == null || !roles.isEmpty() && roles.stream().noneMatch(security::isUserInRole)) {
                throw new Forbidden("forbidden.roles", roles == null ? "[]" : roles.toString());
            }
        }
    }
}
