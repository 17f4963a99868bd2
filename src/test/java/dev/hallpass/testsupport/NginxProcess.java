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
 * A real nginx of the test's own (Debian's {@code nginx} package, installed by {@code .ci/run} when missing),
 * on a free loopback port, with everything (configuration, pid, logs, temp files) under the test's directory,
 * in front of an upstream and asking Hallpass's {@code /auth/verify} before every request: the README's
 * {@code auth_request} recipe, with the test's ports.
 */
public final class NginxProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path directory;

    private NginxProcess(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** The nginx binary: {@code nginx} on PATH or Debian's {@code /usr/sbin/nginx}. */
    public static String binary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed: apt-get install nginx (.ci/run does it)");
    }

    public static NginxProcess start(Path directory, int hallpassPort, int upstreamPort) {
        int port = PayaraMicroProcess.freePort();
        try {
            Files.createDirectories(directory.resolve("logs"));
            Files.createDirectories(directory.resolve("temp"));
            Path config = directory.resolve("nginx.conf");
            Files.writeString(config, configuration(directory, port, hallpassPort, upstreamPort));
            Process process = new ProcessBuilder(binary(), "-p", directory.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("logs/stdout.log").toFile()).start();
            NginxProcess nginx = new NginxProcess(process, port, directory);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README's recipe ("Protecting your applications"), with this test's ports. */
    static String configuration(Path directory, int port, int hallpassPort, int upstreamPort) {
        String temp = directory.resolve("temp").toString();
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d;
                        location = /_hallpass {
                            internal;
                            proxy_pass http://127.0.0.1:%4$d/auth/verify;
                            proxy_method GET;
                            proxy_pass_request_body off;
                            proxy_set_header Content-Length "";
                            proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
                        }
                        location / {
                            auth_request /_hallpass;
                            auth_request_set $hallpass_user $upstream_http_x_hallpass_user;
                            auth_request_set $hallpass_roles $upstream_http_x_hallpass_roles;
                            auth_request_set $hallpass_session $upstream_http_x_hallpass_session;
                            proxy_set_header X-Hallpass-User $hallpass_user;
                            proxy_set_header X-Hallpass-Roles $hallpass_roles;
                            proxy_set_header X-Hallpass-Session $hallpass_session;
                            proxy_pass http://127.0.0.1:%5$d;
                        }
                    }
                }
                """.formatted(directory, temp, port, hallpassPort, upstreamPort);
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(directory.resolve("logs/stdout.log"))
                            + Files.readString(directory.resolve("logs/error.log")));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
