package dev.hallpass.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Browser;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.SecurityEventLog;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR started as the README's run command starts it (development mode, at the root),
 * twice on one H2 file: the first start generates and prints an admin password, a new user's walk
 * through the README's own URLs in a real Chromium works without a console error, and accounts and
 * sessions survive the restart. Without development mode and without a key-encryption key, it refuses.
 */
class FirstStartIT {

    private static final Pattern GENERATED = Pattern.compile("generated password: (\\S+)");

    @Test
    void aGeneratedAdminPasswordIsPrintedOnceAndEverythingSurvivesARestart() {
        Path data = Deployments.freshDataDirectory("first-start");
        Map<String, String> production = Map.of(
                "hallpass.db.url", "jdbc:h2:file:" + data.resolve("hallpass"),
                "hallpass.password.iterations", "1000");
        Map<String, String> settings = new HashMap<>(production);
        settings.put("hallpass.dev-mode", "true"); // what the README's run command sets (pom.xml)
        int port = PayaraMicroProcess.freePort();
        String adminPassword;
        String userSecret;

        refusesToStartWithoutAKeyEncryptionKey(data, port, production);

        try (PayaraMicroProcess first = PayaraMicroProcess.start(Deployments.packagedWar(), port, data, settings)) {
            Matcher generated = GENERATED.matcher(first.output());
            assertTrue(generated.find(), "the first start prints the generated admin password");
            assertTrue(first.output().contains("DEVELOPMENT MODE"), "development mode is announced in the log");
            adminPassword = generated.group(1);
            Http http = new Http(first.baseUri());
            assertTrue(http.get("").body().contains("login-form"), "the login page is served at the root");
            walkTheReadmeUrls(first, adminPassword);
            warnsOfAnUntrustedProxy(first, http);
            String admin = Logins.secretOf(http, "admin", adminPassword);
            Logins.createAccount(http, admin, "grace", "a long enough password", "user");
            userSecret = Logins.secretOf(http, "grace", "a long enough password");
        }

        try (PayaraMicroProcess second = PayaraMicroProcess.start(Deployments.packagedWar(), port, data, settings)) {
            assertFalse(second.output().contains("generated password"), "no second admin, no second password");
            Http http = new Http(second.baseUri());
            Reply me = http.get("api/auth/me", Logins.cookie(userSecret));
            assertEquals(200, me.status(), "the session outlived the server: " + me);
            assertEquals("grace", me.json().getString("username"));
            assertEquals(200, Logins.login(http, "admin", adminPassword).status());
        }
    }

    /** Review M7: the signing keys would be encrypted with a key published in this source. */
    private static void refusesToStartWithoutAKeyEncryptionKey(Path data, int port, Map<String, String> settings) {
        String output;
        try (PayaraMicroProcess refused = PayaraMicroProcess.start(Deployments.packagedWar(), port, data, settings)) {
            output = refused.output();
            assertNotEquals(200, new Http(refused.baseUri()).get("api/auth/status").status(), "the application must not run");
        } catch (IllegalStateException exited) {
            output = exited.getMessage();
        }
        assertTrue(output.contains("refusing to start without it") && output.contains("hallpass.dev-mode=true"), output);
    }

    /**
     * What the README tells a new user to do, in a real Chromium: open the root page, then the console
     * at its README URL ({@code /admin/}, a welcome-file URL), log in through the form, land there, see the chart drawn,
     * change its window, visit every console page, "my devices" and the demo, all without a browser
     * console error (a CSP refusal, a script error, a failed request).
     */
    private static void walkTheReadmeUrls(PayaraMicroProcess server, String adminPassword) {
        try (Browser browser = Browser.open(toUrl(server.baseUri()))) {
            browser.open("").find("#login-form"); // the README's first URL, before logging in
            browser.open("admin/").waitForPath("login.xhtml?next=");
            browser.logIn("admin", adminPassword).waitForPath("admin/");
            assertEquals("admin/", browser.path(), "back at the README's URL after the login");
            browser.find("#dashboard\\:activity canvas");
            assertTrue(chartDrawn(browser), "the dashboard chart is drawn");
            browser.click("#dashboard\\:hours").find("#dashboard\\:hours_panel"); // the item only once its panel is open
            browser.click("#dashboard\\:hours_items li[data-label='last 24 hours']").settle()
                    .waitForText("#dashboard", "last 24 h");
            assertTrue(chartDrawn(browser), "the chart is drawn again for the new window");
            browser.click("#nav-sessions").waitForText("#sessions\\:table", "sessions");
            browser.click("#nav-accounts").waitForText("#accounts\\:table", "accounts");
            browser.click("#nav-events").waitForText("#events\\:table", "events");
            browser.click("#nav-devices").waitForText("h1", "My devices");
            browser.open("demo.html").find("body[data-ready=true]"); // already logged in: the client starts by itself
            browser.open("").settle();
            List<String> errors = browser.consoleErrors();
            assertTrue(errors.isEmpty(), () -> "browser errors on the README's URLs: " + errors);
        }
    }

    /** The canvas holds something other than blank pixels. */
    private static boolean chartDrawn(Browser browser) {
        Object drawn = browser.script("""
                const done = arguments[arguments.length - 1];
                const canvas = document.querySelector('#dashboard\\\\:activity canvas');
                setTimeout(() => {
                  const blank = document.createElement('canvas');
                  blank.width = canvas.width; blank.height = canvas.height;
                  done(canvas.width > 0 && canvas.toDataURL() !== blank.toDataURL());
                }, 500);
                """);
        return Boolean.TRUE.equals(drawn);
    }

    private static URL toUrl(URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Review M6: X-Forwarded-For from a peer that is not a trusted proxy is ignored, and said so in the log. */
    private static void warnsOfAnUntrustedProxy(PayaraMicroProcess server, Http http) {
        // a login attempt resolves the client's address (a status check of an anonymous caller does not)
        assertEquals(401, Logins.login(http, "nobody-here", "not a password", "X-Forwarded-For", "203.0.113.9").status());
        String warning = "carries X-Forwarded-For, but that peer is not in hallpass.http.trusted-proxies";
        for (int i = 0; i < 50 && !server.output().contains(warning); i++) {
            SecurityEventLog.sleep(Duration.ofMillis(100));
        }
        assertTrue(server.output().contains(warning), "no warning about the untrusted proxy in the log");
    }
}
