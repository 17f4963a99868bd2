/**
 * Session data and per-user data, synced live (issue 18, part 1): JSON documents under a name, versioned,
 * kept in the database and cached like sessions; every change is pushed to the user's other event streams.
 */
package dev.hallpass.data;
