/**
 * Rules and ports of the revocation feed: the outbox entries ({@link dev.hallpass.apps.control.Signal}), the
 * receivers' streams, and how acknowledgements move a stream. No I/O here.
 */
package dev.hallpass.apps.control;
