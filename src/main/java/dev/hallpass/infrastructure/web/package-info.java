/**
 * HTTP plumbing every request passes, whatever the feature: the JAX-RS application, access control for
 * {@code @Authenticated} and {@code @RolesAllowed}, servlet filters (request id, security headers and
 * cookie attributes, CSRF, body limits), the OpenAPI completion, and the mapping of every failure to
 * {@code application/problem+json}. The features' own web edges (session cookie and authentication
 * mechanism, refresh cookie, JWKS) live in their boundary packages.
 */
package dev.hallpass.infrastructure.web;
