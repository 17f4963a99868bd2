package dev.hallpass.admin;

import dev.hallpass.infrastructure.metrics.ApplicationMetrics;
import dev.hallpass.session.control.NodeName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Snapshot;

/**
 * This node's Hallpass metrics for the dashboard, read from the same registry {@code /metrics} serves
 * and named as Prometheus shows them, so an operator can match one to the other.
 */
@ApplicationScoped
public class NodeMetrics {

    /** One series: its Prometheus name, labels, what it counts, and its value as text. */
    public record Row(String name, String labels, String description, String value) {
    }

    @Inject
    @ApplicationMetrics
    MetricRegistry registry;

    @Inject
    NodeName node;

    public String node() {
        return node.value();
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        registry.getMetrics((id, metric) -> id.getName().startsWith("hallpass."))
                .forEach((id, metric) -> rows.add(row(id, metric, registry.getMetadata(id.getName()))));
        return rows;
    }

    private static Row row(MetricID id, Metric metric, Metadata metadata) {
        String unit = metadata.unit().orElse(MetricUnits.NONE);
        boolean time = MetricUnits.SECONDS.equals(unit) || MetricUnits.MILLISECONDS.equals(unit);
        String name = id.getName().replace('.', '_') + (time ? "_seconds" : "") + (metric instanceof Counter ? "_total" : "");
        String labels = id.getTags().entrySet().stream().map(tag -> tag.getKey() + "=\"" + tag.getValue() + "\"")
                .collect(Collectors.joining(","));
        return new Row(name, labels, metadata.getDescription(), value(metric, MetricUnits.MILLISECONDS.equals(unit) ? 0.001 : 1));
    }

    private static String value(Metric metric, double toBaseUnit) {
        if (metric instanceof Counter counter) {
            return Long.toString(counter.getCount());
        }
        if (metric instanceof Gauge<?> gauge) {
            Number number = gauge.getValue();
            double value = number.doubleValue();
            return Double.isNaN(value) ? "unknown" : value == Math.rint(value) ? Long.toString((long) value) : number.toString();
        }
        if (metric instanceof Histogram histogram) {
            Snapshot snapshot = histogram.getSnapshot();
            StringBuilder text = new StringBuilder("count " + histogram.getCount());
            if (histogram.getCount() > 0) {
                Map<Double, Double> percentiles = new TreeMap<>();
                for (Snapshot.PercentileValue p : snapshot.percentileValues()) {
                    percentiles.put(p.getPercentile(), p.getValue());
                }
                text.append(", median ").append(seconds(percentiles.getOrDefault(0.5, Double.NaN) * toBaseUnit))
                        .append(", p99 ").append(seconds(percentiles.getOrDefault(0.99, Double.NaN) * toBaseUnit))
                        .append(", max ").append(seconds(snapshot.getMax() * toBaseUnit));
            }
            return text.toString();
        }
        return metric.getClass().getSimpleName();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f s", value);
    }
}
