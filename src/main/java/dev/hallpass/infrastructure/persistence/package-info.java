/**
 * The database: the configurable data source, Flyway migration at start, and the JPA implementations
 * of the feature ports. Only this package writes JPQL.
 *
 * <p>Every repository method, reads included, runs in a JTA transaction (joining the caller's or its
 * own). Payara's container-managed entity manager used outside a transaction is found closed by a later
 * read of the same invocation once a transaction has committed in between (a Faces render after its
 * action, a scheduled task's second run, an executor task): seen three times before this rule. The one
 * exception, the per-request cookie lookup, reads through an entity manager it creates and closes.
 */
package dev.hallpass.infrastructure.persistence;
