/**
 * {@code hallpass-client}: what the shop's other applications add to honour Hallpass logouts at once.
 * {@link dev.hallpass.protect.RevocationFeed} receives Hallpass's revocation feed (OpenID Shared Signals, poll
 * delivery) from deployment on; {@link dev.hallpass.protect.RevokedTokenFilter} refuses access tokens of ended
 * sessions in JAX-RS services; {@link dev.hallpass.protect.HallpassSessionMechanism} lets a server-rendered
 * application accept the Hallpass session cookie. Only the Jakarta EE 10 and MicroProfile APIs the server
 * provides, and the JDK.
 */
package dev.hallpass.protect;
