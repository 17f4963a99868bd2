/**
 * The database: the configurable data source, Flyway migration at start, and the JPA implementations
 * of the feature ports. Only this package writes JPQL.
 */
package dev.hallpass.infrastructure.persistence;
