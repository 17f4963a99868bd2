package dev.hallpass.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;

/** Logging in over the API, the way every test that needs a session starts. */
public final class Logins {

    public static final String COOKIE = "__Host-hallpass";

    /** The password of the users tests create (long enough, not built on their names, not a common one). */
    public static final String PASSWORD = "correct horse battery staple";

    private Logins() {
    }

    public static String loginBody(String username, String password, boolean rememberMe) {
        return Json.createObjectBuilder().add("username", username).add("password", password)
                .add("rememberMe", rememberMe).build().toString();
    }

    public static Reply login(Http http, String username, String password, String... headers) {
        return http.postJson("api/auth/login", loginBody(username, password, false), headers);
    }

    /** Logs in and returns the session secret from the cookie; fails the test if login fails. */
    public static String secretOf(Http http, String username, String password) {
        Reply reply = login(http, username, password);
        assertEquals(200, reply.status(), () -> "login of " + username + " failed: " + reply);
        return reply.setCookie(COOKIE).orElseThrow().value();
    }

    public static String adminSecret(Http http) {
        return secretOf(http, "admin", Deployments.ADMIN_PASSWORD);
    }

    /** The request header pair that presents a session cookie. */
    public static String[] cookie(String secret) {
        return new String[] {"Cookie", COOKIE + "=" + secret};
    }

    /**
     * A new account whose name is {@code prefix} plus a unique suffix, created by the administrator
     * (role {@code user} unless roles are given); returns the name. Fails the test if refused.
     */
    public static String newUser(Http http, String adminSecret, String prefix, String password, String... roles) {
        String name = prefix + Long.toString(System.nanoTime(), 36);
        createAccount(http, adminSecret, name, password, roles.length == 0 ? new String[] {"user"} : roles);
        return name;
    }

    /** Creates an account as admin and returns nothing; fails the test if that is refused. */
    public static void createAccount(Http http, String adminSecret, String username, String password, String... roles) {
        var rolesJson = Json.createArrayBuilder();
        for (String role : roles) {
            rolesJson.add(role);
        }
        String body = Json.createObjectBuilder().add("username", username).add("password", password)
                .add("roles", rolesJson).build().toString();
        Reply reply = http.postJson("api/admin/accounts", body, cookie(adminSecret));
        assertEquals(201, reply.status(), () -> "creating " + username + " failed: " + reply);
    }
}
