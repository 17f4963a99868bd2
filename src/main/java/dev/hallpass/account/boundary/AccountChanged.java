package dev.hallpass.account.boundary;

/** CDI event: something changed that must end the account's sessions and tokens everywhere. */
public record AccountChanged(String username, Change change) {

    public enum Change { DISABLED, PASSWORD_CHANGED }
}
