/**
 * The session caches in front of the database, none of them an authority: the Caffeine local cache,
 * the Redis layer (entries sealed with a MAC and bounded by their last confirmation from the database,
 * tombstones, a circuit breaker), the pub/sub listener that keeps local caches coherent across nodes,
 * the reconciler that makes every cache agree with the database's ends each second, and the buffer that
 * batches "last seen" writes.
 */
package dev.hallpass.infrastructure.cache;
