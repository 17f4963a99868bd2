/**
 * Entry points and web edge of the token feature: signing keys and their rotation, the JWKS and discovery
 * documents, access-token minting and verification (and the session side's {@code BearerTokens} port),
 * refresh tokens for sessions with their cookie and endpoints, introspection and revocation for resource
 * servers. Tokens hang off sessions: this package uses the session feature, never the other way round.
 */
package dev.hallpass.token.boundary;
