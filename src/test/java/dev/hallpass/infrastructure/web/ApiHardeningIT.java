package dev.hallpass.infrastructure.web;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;
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
 * The HTTP edge over real HTTP: security headers, CSRF, access control on the admin API, and bad
 * input of every kind answered with a clear 4xx problem, never a 5xx or a stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiHardeningIT {

    static final int MAX_BODY = 4096;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hallpass("api-hardening", Map.of("hallpass.web.max-body-bytes", String.valueOf(MAX_BODY),
                "hallpass.verify.login-redirect", "true"));
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    private String origin() {
        URL url = base;
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    private static String account(String username, String password, String roles) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":" + roles + "}";
    }

    private static void assertProblem(int status, Reply reply) {
        assertAll(() -> assertEquals(status, reply.status(), reply::toString),
                () -> assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType()),
                () -> assertEquals(status, reply.json().getInt("status")),
                () -> assertFalse(reply.json().getString("title").isBlank()),
                () -> assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply.body()));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (Reply reply : List.of(http.get("index.html"), http.get("api/auth/me"), http.get("no/such/page"))) {
            assertAll(() -> assertEquals("nosniff", reply.header("X-Content-Type-Options").orElse(null)),
                    () -> assertEquals("no-referrer", reply.header("Referrer-Policy").orElse(null)),
                    () -> assertTrue(reply.header("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'")),
                    () -> assertEquals("DENY", reply.header("X-Frame-Options").orElse(null)),
                    () -> assertTrue(reply.header("Server").isEmpty() && reply.header("X-Powered-By").isEmpty(),
                            "no product banner"));
        }
        assertEquals("no-store", http.get("api/auth/me").header("Cache-Control").orElse(null));
        String admin = Logins.adminSecret(http);
        assertEquals("no-store", http.get("index.html", cookie(admin)).header("Cache-Control").orElse(null),
                "authenticated responses are never cached, even static ones");
    }

    @Test
    void aCookieAuthenticatedPostFromAForeignOriginIsRefused() {
        String admin = Logins.adminSecret(http);
        String body = account(unique("csrf"), PASSWORD, "[\"user\"]");

        Reply foreignOrigin = http.postJson("api/admin/accounts", body, "Origin", "https://evil.example", cookie(admin)[0], cookie(admin)[1]);
        Reply crossSite = http.postJson("api/admin/accounts", body, "Sec-Fetch-Site", "cross-site", cookie(admin)[0], cookie(admin)[1]);
        Reply opaqueOrigin = http.postJson("api/admin/accounts", body, "Origin", "null", cookie(admin)[0], cookie(admin)[1]);
        Reply sameOrigin = http.postJson("api/admin/accounts", body, "Origin", origin(), "Sec-Fetch-Site", "same-origin",
                cookie(admin)[0], cookie(admin)[1]);

        assertProblem(403, foreignOrigin);
        assertProblem(403, crossSite);
        assertProblem(403, opaqueOrigin);
        assertEquals(201, sameOrigin.status(), sameOrigin::toString);
        assertEquals(200, http.get("api/auth/me", cookie(admin)).status(), "a refused request does not end the session");
    }

    @Test
    void loginFromAForeignOriginIsRefused() {
        Reply reply = Logins.login(http, "admin", Deployments.ADMIN_PASSWORD, "Origin", "https://evil.example");

        assertProblem(403, reply);
        assertTrue(reply.setCookie(Logins.COOKIE).isEmpty(), "no session is handed out");
    }

    @Test
    void anAdminCreatesAnAccountThatCanLogIn() {
        String admin = Logins.adminSecret(http);
        String name = unique("carol");

        Reply created = http.postJson("api/admin/accounts", account(name.toUpperCase(), PASSWORD, "[\"user\",\"auditor\"]"), cookie(admin));

        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/admin/accounts/" + name));
        assertEquals(name, created.json().getString("username"), "stored lower-case");
        assertFalse(created.body().contains("pbkdf2") || created.body().contains(PASSWORD), "no hash or password echoed");
        Reply login = Logins.login(http, name, PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals("[\"auditor\",\"user\"]", login.json().getJsonArray("roles").toString());
    }

    @Test
    void theAdminApiAnswers401ToAnonymousAnd403ToNonAdmins() {
        String admin = Logins.adminSecret(http);
        String name = unique("dave");
        Logins.createAccount(http, admin, name, PASSWORD, "user");
        String user = Logins.secretOf(http, name, PASSWORD);
        String body = account(unique("eve"), PASSWORD, "[]");

        assertProblem(401, http.postJson("api/admin/accounts", body));
        assertProblem(403, http.postJson("api/admin/accounts", body, cookie(user)));
        assertProblem(403, http.get("api/admin/accounts/" + name, cookie(user)));
        assertEquals(200, http.get("api/admin/accounts/" + name, cookie(admin)).status());
    }

    @Test
    void aDuplicateUsernameIs409WhateverItsCase() {
        String admin = Logins.adminSecret(http);
        String name = unique("frank");
        Logins.createAccount(http, admin, name, PASSWORD, "user");

        assertProblem(409, http.postJson("api/admin/accounts", account(name.toUpperCase(), PASSWORD, "[]"), cookie(admin)));
    }

    @Test
    void anInvalidAccountIs400NamingEveryBadFieldAndNothingIsWritten() {
        String admin = Logins.adminSecret(http);

        Reply reply = http.postJson("api/admin/accounts", account("x!", "", "[\"Not A Role\"]"), cookie(admin));

        assertProblem(400, reply);
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertEquals(List.of("username", "roles", "password"), fields);
        assertProblem(400, http.postJson("api/admin/accounts", account(unique("gina"), "short", "[]"), cookie(admin)));
        assertProblem(404, http.get("api/admin/accounts/x!", cookie(admin)));
    }

    @Test
    void badInputOfEveryKindIsAClear4xxProblem() {
        String admin = Logins.adminSecret(http);
        String[] asAdmin = cookie(admin);
        String huge = "{\"username\":\"" + "a".repeat(MAX_BODY * 4) + "\"}";
        Map<String, Reply> cases = new java.util.LinkedHashMap<>();
        cases.put("400 malformed JSON", http.postJson("api/auth/login", "{\"username\":"));
        cases.put("400 JSON of the wrong shape", http.postJson("api/auth/login", "{\"username\":[1],\"password\":{}}"));
        cases.put("400 an array instead of an object", http.postJson("api/auth/login", "[1,2,3]"));
        cases.put("400 an empty body", http.postJson("api/auth/login", ""));
        cases.put("400 a JSON null body", http.postJson("api/auth/login", "null"));
        cases.put("400 missing password", http.postJson("api/auth/login", "{\"username\":\"admin\"}"));
        cases.put("400 wrong type for rememberMe", http.postJson("api/auth/login", "{\"username\":\"a\",\"password\":\"b\",\"rememberMe\":\"yes\"}"));
        cases.put("400 roles not a list", http.postJson("api/admin/accounts", "{\"username\":\"henry\",\"password\":\"" + PASSWORD + "\",\"roles\":\"admin\"}", asAdmin));
        cases.put("415 wrong content type", http.send("POST", "api/auth/login", "text/plain", "username=admin"));
        cases.put("415 form post", http.send("POST", "api/auth/login", "application/x-www-form-urlencoded", "username=admin&password=x"));
        cases.put("413 huge body", http.postJson("api/auth/login", huge));
        cases.put("413 huge chunked body", http.send(HttpRequest.newBuilder(http.resolve("api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes()))).build()));
        cases.put("401 garbage cookie", http.get("api/auth/me", "Cookie", Logins.COOKIE + "=%%\"\\;;=;garbage"));
        cases.put("401 oversized cookie", http.get("api/auth/me", "Cookie", Logins.COOKIE + "=" + "b".repeat(4000)));
        cases.put("401 cookie of the right shape for no session", http.get("api/auth/me", cookie("A".repeat(43))));
        cases.put("404 unknown API path", http.get("api/nothing/here"));
        cases.put("404 unknown page", http.get("nothing/here.html"));
        cases.put("405 wrong method", http.send("DELETE", "api/auth/me", null, null));
        cases.put("406 unacceptable Accept", http.get("api/auth/me", "Accept", "image/png", asAdmin[0], asAdmin[1]));

        for (Map.Entry<String, Reply> entry : cases.entrySet()) {
            int status = Integer.parseInt(entry.getKey().substring(0, 3));
            assertAll(entry.getKey(), () -> assertProblem(status, entry.getValue()));
        }
    }

    @Test
    void theMethodNotAllowedProblemKeepsTheAllowHeader() {
        Reply reply = http.send("DELETE", "api/auth/me", null, null);

        assertProblem(405, reply);
        assertTrue(reply.header("Allow").orElse("").contains("GET"), reply.headers().map().toString());
    }

    /** With {@code hallpass.verify.login-redirect} (Traefik's forwardAuth passes redirects on), a browser goes to the login page and back. */
    @Test
    void theProxyCheckSendsABrowsersNavigationToTheLoginPageAndAnythingElseGets401() {
        Reply navigation = http.get("auth/verify", "Sec-Fetch-Mode", "navigate",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.com", "X-Forwarded-Uri", "/cart?item=7");
        assertEquals(302, navigation.status(), navigation::toString);
        assertTrue(navigation.header("Location").orElseThrow()
                .endsWith("/login.xhtml?next=https%3A%2F%2Fshop.example.com%2Fcart%3Fitem%3D7"), navigation::toString);

        assertProblem(401, http.get("auth/verify", "Sec-Fetch-Mode", "cors"));
        assertProblem(401, http.get("auth/verify"));
    }
}
