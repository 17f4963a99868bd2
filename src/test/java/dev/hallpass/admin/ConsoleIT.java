package dev.hallpass.admin;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Browser;
import dev.hallpass.testsupport.CrossSite;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.SecurityEventLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The admin console and "my devices" in a real headless Chromium against the WAR on Payara Micro:
 * the login page and back, the session table's filter and kill (and what that does to the API), the
 * refusal of non-admins, ending another device, every console page without a script or CSP error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hallpass("console");
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    private String newUser(String prefix, String... roles) {
        return Logins.newUser(http, Logins.adminSecret(http), prefix, PASSWORD, roles);
    }

    private String loginFrom(String user, String userAgent) {
        Reply reply = Logins.login(http, user, PASSWORD, "User-Agent", userAgent);
        assertEquals(200, reply.status(), reply::toString);
        return reply.setCookie(Logins.COOKIE).orElseThrow().value();
    }

    private int me(String secret) {
        return http.get("api/auth/me", cookie(secret)).status();
    }

    @Test
    void anAdminFiltersSessionsByUserKillsOneAndThatUsersNextApiCallIsRefused() {
        String user = newUser("victim");
        String onFirefox = loginFrom(user, FIREFOX);
        String onIphone = loginFrom(user, IPHONE);
        try (Browser browser = Browser.open(base)) {
            browser.open("admin/sessions.xhtml").waitForPath("login.xhtml?next=");
            browser.logIn("admin", Deployments.ADMIN_PASSWORD).waitForPath("admin/sessions.xhtml");

            browser.type("#sessions\\:user", user).click("#sessions\\:search").settle()
                    .waitForText("#sessions\\:table", "2 sessions");
            assertTrue(browser.find("#sessions\\:table").getText().contains("Safari 17 on iOS"), browser::pageText);
            browser.screenshot("console-sessions");

            List<String> rows = browser.all("#sessions\\:table tbody tr").stream().map(r -> r.getText()).toList();
            int iphoneRow = rows.get(0).contains("iOS") ? 0 : 1;
            browser.type("#sessions\\:reason", "lost phone")
                    .click("#sessions\\:table\\:" + iphoneRow + "\\:kill")
                    .click("#sessions\\:confirmYes").settle()
                    .waitForText("#sessions\\:table", "1 sessions");
            assertAll(
                    () -> assertEquals(401, me(onIphone), "the killed session is refused at once"),
                    () -> assertEquals(200, me(onFirefox), "the other session of the user lives on"));
            JsonObject killed = SecurityEventLog.await(http, Logins.adminSecret(http), "SESSION_KILLED", user, 1).get(0);
            assertTrue(killed.getString("detail").contains("administrator admin: lost phone"), killed::toString);

            browser.click("#sessions\\:killMatching").waitForText("#killMatchingForm\\:matching", "ends 1 live session")
                    .click("#killMatchingForm\\:confirmKillMatching").settle()
                    .waitForText("#sessions\\:table", "0 sessions");
            assertEquals(401, me(onFirefox), "kill all matching ended the rest");
            assertTrue(browser.consoleErrors().isEmpty(), () -> "browser errors: " + browser.consoleErrors());
        }
    }

    @Test
    void aUserWhoIsNotAnAdminIsRefusedTheConsole() {
        String user = newUser("plain");
        try (Browser browser = Browser.open(base)) {
            browser.open("admin/index.xhtml").waitForPath("login.xhtml");
            browser.logIn(user, PASSWORD).waitForPath("admin/index.xhtml");
            browser.waitForText("h1", "403");
            assertTrue(browser.pageText().contains("may not open this page"), browser::pageText);
            browser.open("devices.xhtml").waitForText("h1", "My devices");
        }
        String secret = Logins.secretOf(http, user, PASSWORD);
        for (String page : List.of("admin/index.xhtml", "admin/sessions.xhtml", "admin/accounts.xhtml", "admin/events.xhtml")) {
            assertEquals(403, http.get(page, cookie(secret)[0], cookie(secret)[1], "Accept", "text/html").status(), page);
        }
    }

    @Test
    void aUserEndsAnotherDeviceFromMyDevicesAfterTypingThePasswordAgain() {
        String user = newUser("owner");
        String otherDevice = loginFrom(user, FIREFOX);
        try (Browser browser = Browser.open(base)) {
            browser.open("devices.xhtml").waitForPath("login.xhtml");
            browser.logIn(user, PASSWORD).waitForPath("devices.xhtml");
            browser.waitForText("#devices\\:list", "Firefox 128 on Windows");
            assertTrue(browser.find("#devices\\:list").getText().contains("(this device)"), browser::pageText);
            browser.screenshot("my-devices");

            int firefoxRow = browser.all("#devices\\:list tbody tr").get(0).getText().contains("Firefox") ? 0 : 1;
            browser.click("#devices\\:list\\:" + firefoxRow + "\\:end").type("#confirm\\:password", "not my password")
                    .click("#confirm\\:confirmEnd").settle().waitForText("#messages", "not right");
            assertEquals(200, me(otherDevice), "a wrong password ends nothing");

            browser.click("#devices\\:list\\:" + firefoxRow + "\\:end").type("#confirm\\:password", PASSWORD)
                    .click("#confirm\\:confirmEnd").settle().waitForText("#messages", "signed out");
            assertEquals(1, browser.all("#devices\\:list tbody tr").size(), browser::pageText);
            assertTrue(browser.consoleErrors().isEmpty(), () -> "browser errors: " + browser.consoleErrors());
        }
        assertEquals(401, me(otherDevice), "the ended device is logged out");
    }

    @Test
    void everyConsolePageRendersWithoutScriptOrPolicyErrors() {
        String user = newUser("busy");
        loginFrom(user, FIREFOX);
        loginFrom(user, IPHONE);
        List<String> errors = new ArrayList<>();
        try (Browser browser = Browser.open(base)) {
            browser.open("login.xhtml");
            browser.screenshot("console-login");
            browser.logIn("admin", Deployments.ADMIN_PASSWORD).waitForPath("admin/index.xhtml");
            browser.find("#dashboard\\:activity canvas");
            assertTrue(Long.parseLong(browser.find("#dashboard\\:live").getText()) >= 3, browser::pageText);
            browser.screenshot("console-dashboard");
            browser.click("#nav-accounts").waitForText("#accounts\\:table", "accounts");
            browser.screenshot("console-accounts");
            browser.click("#nav-events").waitForText("#events\\:table", "events");
            browser.type("#events\\:user", user).click("#events\\:search").settle().waitForText("#events\\:table", "2 events");
            browser.screenshot("console-events");
            errors.addAll(browser.consoleErrors());
            browser.click("#bar\\:logout").waitForPath("login.xhtml");
        }
        assertTrue(errors.isEmpty(), () -> "browser errors: " + errors);
    }

    /** Every post form of the page: its id, absolute action and the fields a submit would send (first button included). */
    private static final String FORMS = """
            const done = arguments[arguments.length - 1];
            done(Array.from(document.forms).filter(f => f.method.toLowerCase() === 'post').map(f => {
              const fields = {};
              for (const e of f.elements) {
                if (e.name && e.tagName !== 'BUTTON' && e.type !== 'submit' && e.type !== 'button') fields[e.name] = e.value || '';
              }
              const button = Array.from(f.elements).find(e => e.name && (e.tagName === 'BUTTON' || e.type === 'submit'));
              if (button) fields[button.name] = button.value || '';
              return {id: f.id, action: f.action, fields: fields};
            }));
            """;

    /**
     * Review M3, and CSRF for every Faces form of the login page, the console and "my devices": another
     * site's page posts each form (with the real view state the logged-in browser holds) and opens it by
     * GET as a postback. The post is refused by the server (the login form, which needs no session) or
     * reaches it without the Lax session cookie and is sent to the login page; the GET, which a browser
     * does send with Lax cookies, is refused with 405 before Faces sees it. Nothing changed: the
     * administrator is still logged in with the same session, the other user too.
     */
    @Test
    void noFacesFormRunsWhenAnotherSiteSubmitsItOrOpensItByGet() {
        String other = loginFrom(newUser("bystander"), FIREFOX);
        List<String> refused = new ArrayList<>();
        try (Browser browser = Browser.open(base); CrossSite attacker = CrossSite.start()) {
            browser.open("admin/index.xhtml").waitForPath("login.xhtml?next=");
            browser.logIn("admin", Deployments.ADMIN_PASSWORD).waitForPath("admin/index.xhtml");
            String session = browser.cookie(Logins.COOKIE);
            for (String page : List.of("login.xhtml", "devices.xhtml", "admin/index.xhtml", "admin/sessions.xhtml",
                    "admin/accounts.xhtml", "admin/events.xhtml")) {
                browser.open(page).settle();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> forms = (List<Map<String, Object>>) browser.script(FORMS);
                assertFalse(forms.isEmpty(), "no form on " + page);
                for (Map<String, Object> form : forms) {
                    String action = (String) form.get("action");
                    @SuppressWarnings("unchecked")
                    Map<String, String> fields = new LinkedHashMap<>((Map<String, String>) form.get("fields"));
                    assertTrue(fields.containsKey("jakarta.faces.ViewState"), () -> page + " " + form);
                    browser.openUrl(attacker.autoSubmittingForm(action, fields)).waitForText("body",
                            page.equals("login.xhtml") ? "Cross-origin request refused" : "Log in to Hallpass");
                    browser.openUrl(attacker.navigatingTo(action, fields)).waitForText("body", "A form is submitted only by POST");
                    refused.add(page + "#" + form.get("id"));
                }
            }
            assertEquals(session, browser.cookie(Logins.COOKIE), "the administrator's session was not replaced");
            assertEquals(200, me(session), "nor ended");
        }
        assertTrue(refused.size() >= 8, () -> "forms tried: " + refused);
        assertEquals(200, me(other), "no kill went through");
    }

    private String handleOf(String secret) {
        return http.get("api/auth/me", cookie(secret)).json().getJsonObject("session").getString("handle");
    }

    private Reply endOwn(String secret, String path, String password) {
        String body = Json.createObjectBuilder().add("password", password).build().toString();
        return http.send("DELETE", path, "application/json", body, cookie(secret));
    }

    @Test
    void theDevicesApiNeverEndsAnotherUsersSessionAndAsksForThePassword() {
        String owner = newUser("api");
        String current = loginFrom(owner, FIREFOX);
        String other = loginFrom(owner, IPHONE);
        String stranger = loginFrom(newUser("stranger"), FIREFOX);

        List<JsonObject> devices = http.get("api/sessions", cookie(current)).jsonList();
        assertEquals(2, devices.size(), devices::toString);
        assertTrue(devices.toString().contains("\"device\":\"Safari 17 on iOS 17\""), devices::toString);

        assertEquals(404, endOwn(current, "api/sessions/" + handleOf(stranger), PASSWORD).status(), "someone else's: 404, not 403");
        assertEquals(200, me(stranger));
        assertEquals(403, endOwn(current, "api/sessions/" + handleOf(other), "wrong password").status());
        assertEquals(200, me(other));
        assertEquals(409, endOwn(current, "api/sessions/" + handleOf(current), PASSWORD).status(), "the current one: log out instead");
        assertEquals(204, endOwn(current, "api/sessions/" + handleOf(other), PASSWORD).status());
        assertEquals(401, me(other));
        assertEquals(200, me(current));
    }

    @Test
    void theAdminSessionSearchFiltersSortsAndCountsExactly() {
        String user = newUser("search");
        String firefox = loginFrom(user, FIREFOX);
        loginFrom(user, IPHONE);
        loginFrom(user, IPHONE);
        String admin = Logins.adminSecret(http);

        Reply all = http.get("api/admin/sessions?user=" + user + "&sort=created&order=asc", cookie(admin));
        assertEquals(200, all.status(), all::toString);
        assertEquals("3", all.header("X-Total-Count").orElseThrow());
        assertEquals(handleOf(firefox), all.jsonList().get(0).getString("handle"), "oldest first");
        // (the Firefox session now shows the test's own client: asking for its handle moved it there, binding "log")
        Reply onIphone = http.get("api/admin/sessions?user=" + user + "&device=iOS", cookie(admin));
        assertEquals("2", onIphone.header("X-Total-Count").orElseThrow(), onIphone::toString);

        assertEquals(204, http.send("DELETE", "api/admin/sessions/" + handleOf(firefox) + "?reason=audit", null, null,
                cookie(admin)).status());
        assertEquals("2", http.get("api/admin/sessions?user=" + user, cookie(admin)).header("X-Total-Count").orElseThrow());
        Reply revoked = http.get("api/admin/sessions?user=" + user + "&state=revoked", cookie(admin));
        assertEquals("1", revoked.header("X-Total-Count").orElseThrow(), revoked::toString);
        assertEquals("KILLED", revoked.jsonList().get(0).getString("endReason"));

        for (String bad : List.of("state=asleep", "ip=10.0.0.%25", "sort=password", "limit=501", "user=%20x")) {
            Reply refused = http.get("api/admin/sessions?" + bad, cookie(admin));
            assertEquals(400, refused.status(), () -> bad + ": " + refused);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
    }

    /**
     * Issue 18, part 6: a reader whose browser asks for Simplified Chinese gets the console in it, and a forced
     * logout pushed to the page in it; the reason code stays {@code killed}.
     */
    @Test
    void aChineseBrowserSeesTheConsoleAndAForcedLogoutInSimplifiedChinese() {
        String user = newUser("zhong");
        try (Browser admin = Browser.open(base, "zh-CN,zh"); Browser reader = Browser.open(base, "zh-CN,zh")) {
            admin.open("admin/sessions.xhtml").waitForPath("login.xhtml?next=").waitForText("h1", "登录 Hallpass");
            assertEquals("zh-CN", admin.find("html").getAttribute("lang"));
            admin.logIn("admin", Deployments.ADMIN_PASSWORD).waitForPath("admin/sessions.xhtml").waitForText("h1", "会话");
            assertAll(
                    () -> assertEquals("仪表盘", admin.find("#nav-dashboard").getText()),
                    () -> assertEquals("我的设备", admin.find("#nav-devices").getText()),
                    () -> assertTrue(admin.find("#bar\\:logout").getText().contains("退出登录"), admin::pageText),
                    () -> assertTrue(admin.find("#sessions\\:table").getText().contains("用户"), admin::pageText));

            reader.demoLogIn(user, PASSWORD).waitForText("h1", "hallpass.js 演示");
            admin.type("#sessions\\:user", user).click("#sessions\\:search").settle()
                    .waitForText("#sessions\\:table", "共 1 个会话");
            admin.screenshot("console-sessions-zh");
            admin.click("#sessions\\:table\\:0\\:kill").click("#sessions\\:confirmYes").settle()
                    .waitForText("#messages", "会话已结束").waitForText("#sessions\\:table", "共 0 个会话");

            reader.waitForText("#reason", "管理员操作，已强制登出");
            assertEquals("killed", reader.find("#reason").getAttribute("data-reason"));
            reader.screenshot("forced-logout-zh");
            List<String> adminErrors = admin.consoleErrors(); // read once: reading them empties the browser's log
            List<String> readerErrors = reader.consoleErrors();
            assertAll(
                    () -> assertTrue(adminErrors.isEmpty(), () -> "browser errors: " + adminErrors),
                    () -> assertTrue(readerErrors.isEmpty(), () -> "browser errors: " + readerErrors));
        }
    }

    @Test
    void problemsComeInTheReadersLanguageWithTheirCodesAndFieldNamesUnchanged() {
        String wrong = Logins.loginBody("nobody", "not the password", false);
        Reply chinese = http.postJson("api/auth/login", wrong, "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
        Reply english = http.postJson("api/auth/login", wrong);
        Reply french = http.postJson("api/auth/login", wrong, "Accept-Language", "fr-FR, en;q=0.5");
        assertAll(
                () -> assertEquals(401, chinese.status(), chinese::toString),
                () -> assertEquals("登录失败", chinese.json().getString("title")),
                () -> assertEquals("用户名不存在或密码错误", chinese.json().getString("detail")),
                () -> assertEquals("about:blank", chinese.json().getString("type")),
                () -> assertEquals("zh-CN", chinese.header("Content-Language").orElseThrow()),
                () -> assertEquals("Login failed", english.json().getString("title")),
                () -> assertEquals("Unknown username or wrong password", english.json().getString("detail")),
                () -> assertEquals("Login failed", french.json().getString("title")));

        String[] asAdmin = cookie(Logins.adminSecret(http));
        Reply refused = http.postJson("api/admin/accounts", "{\"username\": \"x\", \"roles\": [\"user\"]}",
                asAdmin[0], asAdmin[1], "Accept-Language", "zh");
        assertEquals(400, refused.status(), refused::toString);
        List<String> fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + ": " + e.getString("reason")).toList();
        assertAll(
                () -> assertEquals("请求无效", refused.json().getString("title")),
                () -> assertTrue(fields.contains("password: 为必填项"), fields::toString),
                () -> assertTrue(fields.stream().anyMatch(f -> f.startsWith("username: 必须为 3-64 个字符")), fields::toString));

        Reply nothing = http.get("no-such-page", "Accept-Language", "zh-CN");
        assertAll(
                () -> assertEquals(404, nothing.status()),
                () -> assertEquals("未找到", nothing.json().getString("title")),
                () -> assertEquals("此路径下没有任何内容", nothing.json().getString("detail")));

        Reply texts = http.get("api/texts", "Accept-Language", "zh-CN");
        assertAll(
                () -> assertEquals("zh-CN", texts.json().getString("language")),
                () -> assertEquals("登录", texts.json().getJsonObject("texts").getString("login")),
                () -> assertEquals("Log in", http.get("api/texts").json().getJsonObject("texts").getString("login")));
    }

    /** Issue 18: the accounts page shows who is online, the data page a user's documents, the alerts page renders. */
    @Test
    void theConsoleShowsWhoIsOnlineTheirDocumentsAndTheAlerts() {
        String user = newUser("shown");
        String secret = Logins.secretOf(http, user, PASSWORD);
        Reply stored = http.send("PUT", "api/me/data/cart", "application/json", "{\"apples\": 3}", cookie(secret));
        assertEquals(201, stored.status(), stored::toString);
        try (Browser browser = Browser.open(base)) {
            browser.open("admin/accounts.xhtml").waitForPath("login.xhtml");
            browser.logIn("admin", Deployments.ADMIN_PASSWORD).waitForPath("admin/accounts.xhtml");
            browser.type("#accounts\\:query", user).click("#accounts\\:search").settle()
                    .waitForText("#accounts\\:table", user).waitForText("#accounts\\:table", "online");
            browser.screenshot("console-accounts-presence");
            browser.click("#accounts\\:table\\:0\\:data").waitForText("#data\\:table", "{\"apples\":3}");
            browser.screenshot("console-data");
            browser.click("#nav-alerts").waitForPath("admin/alerts.xhtml");
            browser.find("#alerts\\:table");
            List<String> errors = browser.consoleErrors();
            assertTrue(errors.isEmpty(), () -> "browser errors: " + errors);
        }
    }
}
