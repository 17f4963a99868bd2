package dev.hallpass.admin;

import dev.hallpass.session.search.SessionActivity;
import dev.hallpass.web.PageTexts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Live sessions now; logins and session ends per minute over the last hours (a Chart.js line chart,
 * configured as raw JSON for {@code p:chart}); ends by reason over the same window.
 */
@Named
@RequestScoped
public class DashboardPage {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    SessionActivity activity;

    @Inject
    NodeMetrics nodeMetrics;

    private int hours = 3;
    private SessionActivity.Activity numbers;

    @PostConstruct
    void load() {
        numbers = activity.activity(Duration.ofHours(hours));
    }

    /** Reloads for another window (1 to 24 hours). */
    public void show() {
        hours = Math.max(1, Math.min(24, hours));
        load();
    }

    public long getLiveNow() {
        return numbers.liveNow();
    }

    public long getLogins() {
        return numbers.logins().stream().mapToLong(Long::longValue).sum();
    }

    public long getEnds() {
        return numbers.ends().stream().mapToLong(Long::longValue).sum();
    }

    public List<Map.Entry<SessionActivity.EndKind, Long>> getEndsByKind() {
        return List.copyOf(numbers.endsByKind().entrySet());
    }

    /** Every Hallpass series of this node, as {@code /metrics} shows it. */
    public List<NodeMetrics.Row> getNodeMetrics() {
        return nodeMetrics.rows();
    }

    public String getNode() {
        return nodeMetrics.node();
    }

    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        numbers.minutes().forEach(minute -> labels.add(MINUTE.format(minute)));
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(series(PageTexts.get("dashboard.chart.logins"), numbers.logins(), "#2563eb"))
                                .add(series(PageTexts.get("dashboard.chart.ends"), numbers.ends(), "#dc2626"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true).add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    private static JsonObjectBuilder series(String label, List<Long> values, String colour) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(data::add);
        return Json.createObjectBuilder().add("label", label).add("data", data).add("borderColor", colour)
                .add("backgroundColor", colour).add("pointRadius", 0).add("borderWidth", 2);
    }

    public int getHours() { return hours; }
    public void setHours(int hours) { this.hours = hours; }
}
