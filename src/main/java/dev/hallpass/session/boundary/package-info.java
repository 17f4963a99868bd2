/**
 * Entry points of the session feature: {@code SessionService} (login, check, logout) and the
 * {@code /api/auth} resource with its request and response records.
 */
package dev.hallpass.session.boundary;
