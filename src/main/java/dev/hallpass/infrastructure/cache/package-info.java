/**
 * The session caches in front of the database: the Caffeine local cache, the Redis layer with its
 * circuit breaker and tombstones, the pub/sub listener that keeps local caches coherent across nodes,
 * and the buffer that batches "last seen" writes.
 */
package dev.hallpass.infrastructure.cache;
