/**
 * Entry points and web edge of the session feature: {@code SessionService} (start, check, end, limits,
 * bindings), logins ({@code LoginService}, {@code LoginThrottle}, {@code AuthResource} at
 * {@code /api/auth}), the Jakarta Security mechanism with the session cookie, the current session and the
 * login-page redirect, "my devices" ({@code MyDevices}, {@code MySessionsResource}), the console's search
 * and kills ({@code AdminSessionResource}, {@code SessionSearch}, {@code SessionActivity}), live push
 * ({@code SessionEventResource}, {@code SessionStreams}), and the ports the token feature implements for
 * it ({@code BearerTokens}, {@code LoginTokens}).
 */
package dev.hallpass.session.boundary;
