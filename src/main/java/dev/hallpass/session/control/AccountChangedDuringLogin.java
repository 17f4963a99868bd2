package dev.hallpass.session.control;

/**
 * The account was disabled, or its password or roles changed, after this login checked the password and
 * before its session was stored: the change wins, and no session is made with the state it replaced.
 */
public class AccountChangedDuringLogin extends RuntimeException {

    public AccountChangedDuringLogin(String username) {
        super("account " + username + " changed while logging in", null, false, false);
    }
}
