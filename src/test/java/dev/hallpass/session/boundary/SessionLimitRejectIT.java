package dev.hallpass.session.boundary;

import static dev.hallpass.testsupport.Logins.COOKIE;
import static dev.hallpass.testsupport.Logins.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.SecurityEventLog;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The other half of the policy settings: limit policy {@code reject}, IP binding {@code log} (a new
 * address is followed and recorded) and user-agent binding {@code strict}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLimitRejectIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hallpass("session-limit-reject", Map.of(
                "hallpass.session.max-per-user", "2",
                "hallpass.session.limit-policy", "reject",
                "hallpass.session.ip-binding", "log",
                "hallpass.session.user-agent-binding", "strict",
                "hallpass.http.trusted-proxies", "127.0.0.0/8"));
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    /** One admin session for the whole class: the admin is held to the limit of two as well. */
    static String adminSecret;

    private String admin() {
        if (adminSecret == null) {
            adminSecret = Logins.adminSecret(http);
        }
        return adminSecret;
    }

    private String newUser() {
        return Logins.newUser(http, admin(), "reject", PASSWORD);
    }

    private int me(String secret, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = COOKIE + "=" + secret;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.get("api/auth/me", all).status();
    }

    @Test
    void atTheLimitALoginIsRefusedWith409UntilASessionEnds() {
        String user = newUser();
        String first = Logins.secretOf(http, user, PASSWORD);
        String second = Logins.secretOf(http, user, PASSWORD);

        Reply refused = Logins.login(http, user, PASSWORD);

        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.json().getString("detail").contains("2 active sessions"), refused::toString);
        assertTrue(refused.setCookie(COOKIE).isEmpty(), "no session, no cookie");
        assertEquals(200, me(first), "nothing was evicted");
        assertEquals(200, me(second));
        SecurityEventLog.assertRecordedOnce(http, admin(), "LOGIN_REJECTED_BY_LIMIT", user);

        assertEquals(204, http.send("POST", "api/auth/logout", null, null, Logins.cookie(first)).status());
        assertEquals(200, Logins.login(http, user, PASSWORD).status(), "room again after a logout");
    }

    @Test
    void loggedIpBindingFollowsTheNewAddressAndStrictUserAgentBindingEndsTheSession() {
        String user = newUser();
        String secret = Logins.secretOf(http, user, PASSWORD);

        assertEquals(200, me(secret, "X-Forwarded-For", "192.0.2.44"), "ip-binding log: the session goes on");
        SecurityEventLog.assertRecordedOnce(http, admin(), "IP_CHANGED", user);

        assertEquals(401, me(secret, "X-Forwarded-For", "192.0.2.44", "User-Agent", "Another/1.0"));
        assertEquals(401, me(secret, "X-Forwarded-For", "192.0.2.44"), "ended, not refused once");
        SecurityEventLog.assertRecordedOnce(http, admin(), "USER_AGENT_CHANGED", user);
    }
}
