/**
 * The HTTP edge: the JAX-RS application, the session-cookie authentication mechanism, access
 * control, servlet filters (security headers, cookie attributes, CSRF, body limits) and the mapping of
 * every failure to {@code application/problem+json}.
 */
package dev.hallpass.infrastructure.web;
