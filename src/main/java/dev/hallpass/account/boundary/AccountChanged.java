package dev.hallpass.account.boundary;

import dev.hallpass.client.ClientInfo;

/**
 * CDI event: something changed that must end the account's sessions and tokens everywhere.
 * {@code client} is where the change was made from, {@code detail} who made it and how.
 */
public record AccountChanged(String username, Change change, ClientInfo client, String detail) {

    /** ERASED: the account is being deleted with everything kept for it (its observers erase theirs in the same transaction). */
    public enum Change { DISABLED, PASSWORD_CHANGED, ROLES_CHANGED, ERASED }
}
