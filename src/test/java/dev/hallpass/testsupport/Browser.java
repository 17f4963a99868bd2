package dev.hallpass.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} driven by its {@code chromedriver}, never a
 * downloaded one) with its own empty profile, at 1280×800, talking to the test server on localhost
 * (a secure context for Chromium, so the {@code __Host-} cookie works over plain HTTP).
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    public static Browser open(URL server) {
        return open(server, "en-US");
    }

    /**
     * A browser whose reader prefers {@code languages} ({@code "zh-CN"}, or a list such as {@code "zh-CN,en"}):
     * its {@code Accept-Language} and {@code navigator.languages}.
     */
    public static Browser open(URL server, String languages) {
        Path profile;
        try {
            profile = Files.createTempDirectory("hallpass-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("hallpass.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800", "--lang=" + languages.split(",")[0], "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("hallpass.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        String path = server.getPath().endsWith("/") ? server.getPath() : server.getPath() + "/";
        String base = "http://localhost:" + server.getPort() + path;
        return new Browser(driver, profile, base);
    }

    private static String executable(String property, String standard) {
        String path = System.getProperty(property, standard);
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        return path;
    }

    /** A wait that, when it times out, says where the browser was and what it showed. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.withMessage(() -> "at " + path() + " showing: " + pageText() + "; console: " + consoleErrors());
        return wait;
    }

    /** Opens a path of the application ({@code admin/sessions.xhtml}). */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Opens any URL (another site's page, for cross-site tests). */
    public Browser openUrl(String url) {
        driver.get(url);
        return this;
    }

    /** The value of a cookie this browser holds for the application (HttpOnly ones too); null if none. */
    public String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String cssSelector) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public Browser type(String cssSelector, String text) {
        settle();
        WebElement field = find(cssSelector);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks once the page is ready: PrimeFaces binds its handlers when the document has loaded. */
    public Browser click(String cssSelector) {
        settle();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).click();
        return this;
    }

    /** Waits until the element's text contains {@code text}. */
    public Browser waitForText(String cssSelector, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
        return this;
    }

    public Browser waitForPath(String pathStart) {
        waiting().until(d -> path().startsWith(pathStart));
        return this;
    }

    /** Waits until PrimeFaces has no Ajax request in flight. */
    public Browser settle() {
        waiting().until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
        return this;
    }

    /** Runs an async script in the page; it finishes by calling {@code arguments[arguments.length - 1](result)}. */
    public Object script(String asyncScript, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        return driver.executeAsyncScript(asyncScript, arguments);
    }

    /** Opens a second window of this browser (same profile, so the same cookies) and switches to it. */
    public String newWindow() {
        String previous = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW);
        return previous;
    }

    /** The window that is being driven, for switching back with {@link #switchTo}. */
    public String window() {
        return driver.getWindowHandle();
    }

    public Browser switchTo(String window) {
        driver.switchTo().window(window);
        return this;
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Logs in on the login page the browser is on. */
    public Browser logIn(String username, String password) {
        type("#login\\:username", username);
        type("#login\\:password_input, #login\\:password", password);
        return click("#login\\:submit");
    }

    /** Logs in on the hallpass.js demo page and waits until its client holds a token and listens. */
    public Browser demoLogIn(String username, String password) {
        open("demo.html").type("#login-form input[name=username]", username)
                .type("#login-form input[name=password]", password).click("#login");
        find("body[data-ready=true]");
        return this;
    }

    /** Browser console errors so far (CSP refusals, script errors), for asserting there are none. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("favicon"))
                .toList();
    }

    /** Saves a PNG of the window under target/screenshots (the README's pictures are copies of these). */
    public Path screenshot(String name) {
        Path directory = Deployments.packagedWar().toPath().toAbsolutePath().getParent().resolve("screenshots");
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // a profile file still held by a dying chromium: the temp folder is under target/ anyway
            }
        }
    }
}
