/**
 * Logging in and out: {@code LoginService} (throttle, password, session, the events of each outcome),
 * {@code LoginThrottle}, the {@code /api/auth} resource ({@code AuthResource}: login, me, status, logout,
 * logout everywhere, own password change) with its request and response records, and the
 * {@code LoginTokens} port through which a login asks the token feature for tokens.
 */
package dev.hallpass.session.login;
