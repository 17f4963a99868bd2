package dev.hallpass.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro JVM running a WAR the way the README's run command does, on a loopback port of
 * its own, for tests that need what Arquillian does not give: a restart on the same port, or the
 * server's own log. Always close it; the JVM is killed if it does not stop in time.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraMicroProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Payara Micro with {@code war} at the root context and waits until it is ready. */
    public static PayaraMicroProcess start(File war, int port, Path workDirectory, Map<String, String> systemProperties) {
        return start(war, List.of(), port, workDirectory, systemProperties);
    }

    /** Also deploys {@code others}, each at the context named by its file name. */
    public static PayaraMicroProcess start(File war, List<File> others, int port, Path workDirectory,
                                           Map<String, String> systemProperties) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                "-Djava.io.tmpdir=" + workDirectory.resolve("tmp")));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", payaraMicroJar(), "--deploy", war.getAbsolutePath(), "--contextroot", "/"));
        others.forEach(other -> command.addAll(List.of("--deploy", other.getAbsolutePath())));
        command.addAll(List.of("--nohazelcast", "--port", String.valueOf(port),
                "--prebootcommandfile", new File("payara-config/test/pre-boot-commands.asadmin").getAbsolutePath()));
        try {
            Files.createDirectories(workDirectory.resolve("tmp"));
            Path log = Files.createTempFile(workDirectory, "payara-micro-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PayaraMicroProcess started = new PayaraMicroProcess(process, log, port);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            String output = output();
            if (output.contains("Payara Micro URLs")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ":\n" + output);
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP_LIMIT + ":\n" + output());
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Everything the server has printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the JVM at once (SIGKILL), as a crash would: nothing of it runs after this. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Payara Micro jar the pom resolved (system property {@code payara.microJar}). */
    public static String payaraMicroJar() {
        String jar = System.getProperty("payara.microJar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("System property payara.microJar must name the Payara Micro jar (set by the pom)");
        }
        return jar;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
