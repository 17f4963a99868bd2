package dev.hallpass.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads one series from a node's {@code /metrics} (Prometheus text, MicroProfile Metrics at the server's root). */
public final class Metrics {

    private Metrics() {
    }

    /** The whole exposition of a node's application metrics; fails the test unless it answers 200. */
    public static String scrape(Http node) {
        Reply reply = new Http(node.resolve("/")).get("metrics?scope=application");
        assertEquals(200, reply.status(), reply::toString);
        return reply.body();
    }

    /** The value of {@code series} with all of {@code labels} ({@code name="value"} pairs), or empty. */
    public static Optional<Double> value(String exposition, String series, String... labels) {
        List<String> wanted = Arrays.asList(labels);
        return exposition.lines()
                .filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
                .filter(line -> {
                    int open = line.indexOf('{');
                    int close = line.lastIndexOf('}');
                    List<String> present = open < 0 ? List.of() : Arrays.asList(line.substring(open + 1, close).split(","));
                    return present.containsAll(wanted);
                })
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** The value of a series that must be there (fails the test otherwise). */
    public static double of(Http node, String series, String... labels) {
        String exposition = scrape(node);
        return value(exposition, series, labels).orElseThrow(() -> new AssertionError(
                series + " " + Arrays.toString(labels) + " is not among the metrics:\n" + exposition));
    }
}
