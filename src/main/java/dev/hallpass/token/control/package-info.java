/**
 * Token rules without I/O: the refresh-token family ({@code RefreshFamily}), key encryption at rest,
 * resource-server credentials, and the ports {@code SigningKeyRepository}, {@code RefreshTokenRepository}
 * and {@code RevokedSessions}.
 */
package dev.hallpass.token.control;
