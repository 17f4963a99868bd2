package dev.hallpass.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.Reply;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR started as the README's run command starts it, twice on one H2 file: the first
 * start generates and prints an admin password, and accounts and sessions survive the restart.
 */
class FirstStartIT {

    private static final Pattern GENERATED = Pattern.compile("generated password: (\\S+)");

    @Test
    void aGeneratedAdminPasswordIsPrintedOnceAndEverythingSurvivesARestart() {
        Path data = Deployments.freshDataDirectory("first-start");
        Map<String, String> settings = Map.of(
                "hallpass.db.url", "jdbc:h2:file:" + data.resolve("hallpass"),
                "hallpass.password.iterations", "1000");
        int port = PayaraMicroProcess.freePort();
        String adminPassword;
        String userSecret;

        try (PayaraMicroProcess first = PayaraMicroProcess.start(Deployments.packagedWar(), port, data, settings)) {
            Matcher generated = GENERATED.matcher(first.output());
            assertTrue(generated.find(), "the first start prints the generated admin password");
            adminPassword = generated.group(1);
            Http http = new Http(first.baseUri());
            assertTrue(http.get("").body().contains("login-form"), "the login page is served at the root");
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
}
