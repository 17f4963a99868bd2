/**
 * Technology adapters the features plug into, and nothing else: the database (JPA, Flyway), the caches
 * and Redis (Jedis, Bucket4j), the metrics registry, the clock, and the HTTP plumbing every request passes
 * (headers, request ids, CSRF and size filters, access control, mapping failures to problem+json).
 * It implements the features' control ports and never imports a feature's boundary.
 */
package dev.hallpass.infrastructure;
