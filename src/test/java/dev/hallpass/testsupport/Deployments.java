package dev.hallpass.testsupport;

import dev.hallpass.testsupport.server.ClockResource;
import dev.hallpass.testsupport.server.ContainerSessionProbe;
import dev.hallpass.testsupport.server.MovableClock;
import dev.hallpass.testsupport.server.TokenForgery;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Composes test deployments from the WAR that {@code package} built, so every integration test runs
 * the real artifact: {@code withMovableClock(hallpass("name", settings))}. Test settings go into a
 * small library jar whose {@code microprofile-config.properties} outranks the WAR's own.
 */
public final class Deployments {

    /** Fast password hashing for tests only; production keeps the 600,000-iteration default. */
    public static final String ADMIN_PASSWORD = "operator-password-for-tests";

    /** One random key-encryption key per test run, the same for every node a test starts. */
    public static final String KEY_ENCRYPTION_KEY = randomKey();

    private Deployments() {
    }

    /** The packaged WAR, with its own empty H2 file database under target/it-data/{name}. */
    public static WebArchive hallpass(String name, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(defaultSettings(name));
        all.putAll(settings);
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(packagedWar()).as(WebArchive.class);
        return war.addAsLibrary(settingsJar(all));
    }

    public static WebArchive hallpass(String name) {
        return hallpass(name, Map.of());
    }

    /** Adds a clock that tests move through {@code POST api/test-support/clock?advance=PT31M}. */
    public static WebArchive withMovableClock(WebArchive war) {
        return war.addClasses(MovableClock.class, MovableClock.Offset.class, ClockResource.class);
    }

    /** The packaged WAR with {@link #withMovableClock}, as a file under {@code directory}, for nodes started as processes. */
    public static File packagedWithMovableClock(Path directory) {
        File war = directory.resolve("movable-clock").resolve("hallpass.war").toFile();
        war.getParentFile().mkdirs();
        withMovableClock(ShrinkWrap.create(ZipImporter.class, "hallpass.war").importFrom(packagedWar()).as(WebArchive.class))
                .as(ZipExporter.class).exportTo(war, true);
        return war;
    }

    /** Adds {@code POST api/test-support/forge}, which signs any claims with the real current key. */
    public static WebArchive withTokenForgery(WebArchive war) {
        return war.addClass(TokenForgery.class);
    }

    /** Adds {@code test-support/container-session}, which opens a container HttpSession. */
    public static WebArchive withContainerSessionProbe(WebArchive war) {
        return war.addClass(ContainerSessionProbe.class);
    }

    /**
     * Fast hashing, a known admin password, this run's key-encryption key, and the session limits and
     * login throttling off: every request of a test comes from 127.0.0.1, and only the tests of those
     * policies want them on. Without a database: for tests that start nodes themselves and bring one.
     */
    public static Map<String, String> testSettings() {
        return Map.of(
                "hallpass.token.key-encryption-key", KEY_ENCRYPTION_KEY,
                "hallpass.password.iterations", "1000",
                "hallpass.bootstrap.admin.password", ADMIN_PASSWORD,
                "hallpass.session.max-per-user", "0",
                "hallpass.session.max-per-ip", "0",
                "hallpass.login.throttle.account.attempts", "0",
                "hallpass.login.throttle.ip.attempts", "0");
    }

    /** {@link #testSettings()} on an empty H2 file database of its own under target/it-data/{name}. */
    static Map<String, String> defaultSettings(String name) {
        Map<String, String> settings = new LinkedHashMap<>(testSettings());
        settings.put("hallpass.db.url", "jdbc:h2:file:" + freshDataDirectory(name).resolve("hallpass"));
        return settings;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public static File packagedWar() {
        File war = new File(System.getProperty("hallpass.war", "target/hallpass.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No packaged WAR at " + war + ": run the tests through `./mvnw verify`");
        }
        return war;
    }

    /** target/it-data/{name}, emptied: each run starts from a new database. */
    public static Path freshDataDirectory(String name) {
        Path directory = packagedWar().toPath().toAbsolutePath().getParent().resolve("it-data").resolve(name);
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaArchive settingsJar(Map<String, String> settings) {
        StringBuilder properties = new StringBuilder("config_ordinal=200\n");
        settings.forEach((key, value) -> properties.append(key).append('=')
                .append(value.replace("\\", "\\\\")).append('\n'));
        return ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
                .addAsManifestResource(new StringAsset(properties.toString()), "microprofile-config.properties");
    }
}
