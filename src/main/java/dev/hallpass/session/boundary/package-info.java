/**
 * The session lifecycle and its web edge: {@code SessionService} (start under limits, check a cookie with
 * client binding, end, kills, react to account changes), the views of a session ({@code ActiveSession},
 * {@code StartedSession}), its events ({@code SessionEnded}, {@code SessionIncident}) with
 * {@code SessionAudit} and {@code SessionMetrics}, {@code ExpirySweep}, and the Jakarta Security mechanism
 * with the session cookie, the current session and the login-page redirect; {@code BearerTokens} is the
 * port the token feature implements for it. Login, push, devices and the console's search are the
 * sibling packages {@code session.login}, {@code .push}, {@code .devices}, {@code .search}, which use
 * this one and never the other way round.
 */
package dev.hallpass.session.boundary;
