/**
 * Entry points of the token feature: signing keys and their rotation, access-token minting and
 * verification, and the token endpoint.
 */
package dev.hallpass.token.boundary;
