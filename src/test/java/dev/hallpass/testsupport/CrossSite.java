package dev.hallpass.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another site, for CSRF tests in the browser: pages served from {@code http://127.0.0.1:<port>},
 * which is cross-site to the application's {@code http://localhost:<port>} (another host, so another
 * site), that submit a form or navigate to the application as an attacker's page would.
 */
public final class CrossSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    private CrossSite(HttpServer server) {
        this.server = server;
    }

    public static CrossSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CrossSite site = new CrossSite(server);
            server.createContext("/", exchange -> {
                String page = site.pages.getOrDefault(exchange.getRequestURI().getPath(), "<p>nothing here</p>");
                byte[] body = ("<!doctype html><html><body>" + page + "</body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page that POSTs {@code fields} to {@code action} as soon as it loads; returns its URL. */
    public String autoSubmittingForm(String action, Map<String, String> fields) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"" + html(action) + "\">");
        fields.forEach((name, value) -> form.append("<input type=\"hidden\" name=\"").append(html(name))
                .append("\" value=\"").append(html(value)).append("\">"));
        return serve(form + "</form><script>document.forms[0].submit()</script>");
    }

    /** A page that navigates the window to {@code action} with {@code fields} in the query string (a top-level GET). */
    public String navigatingTo(String action, Map<String, String> fields) {
        StringBuilder url = new StringBuilder(action).append(action.contains("?") ? '&' : '?');
        fields.forEach((name, value) -> url.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        String target = url.substring(0, url.length() - 1);
        return serve("<script>location.href = '" + target.replace("\\", "\\\\").replace("'", "\\'") + "';</script>");
    }

    private String serve(String page) {
        String path = "/attack-" + next.incrementAndGet();
        pages.put(path, page);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
