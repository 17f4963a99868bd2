package dev.hallpass.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own, on a free loopback port, keeping nothing on disk: the
 * {@code redis-server} on PATH, or else the linux-amd64 binary inside the embedded-redis test jar.
 * It can be stopped and started again on the same port to simulate an outage. Never touches a Redis
 * the test did not start.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private final Path directory;
    private Process process;

    private RedisProcess(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    public static RedisProcess start(Path directory) {
        RedisProcess redis = new RedisProcess(PayaraMicroProcess.freePort(), directory);
        redis.startAgain();
        return redis;
    }

    private static final String BUNDLED = "/redis-server-6.2.6-v5-linux-amd64";

    private String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return bundled();
    }

    private String bundled() {
        Path binary = directory.resolve("redis-server");
        try (var in = RedisProcess.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                return null;
            }
            if (!Files.isExecutable(binary)) {
                Files.copy(in, binary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                binary.toFile().setExecutable(true);
            }
            return binary.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts (again) on the same port and waits until it accepts connections. */
    public void startAgain() {
        try {
            Files.createDirectories(directory);
            String server = executable();
            if (server == null) {
                throw new IllegalStateException("no redis-server on PATH and no bundled binary for this platform");
            }
            process = new ProcessBuilder(List.of(server, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", directory.toString()))
                    .redirectErrorStream(true).redirectOutput(directory.resolve("redis-" + port + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 10 s");
    }

    /** Kills the server at once, as a crash would. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
