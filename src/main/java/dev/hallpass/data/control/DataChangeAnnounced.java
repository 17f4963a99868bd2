package dev.hallpass.data.control;

/**
 * CDI event: a change another node made, heard on Redis or found in the database by the next pass;
 * each change is announced once per node.
 */
public record DataChangeAnnounced(DataChanged change) {
}
