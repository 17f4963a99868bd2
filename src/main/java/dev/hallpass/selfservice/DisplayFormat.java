package dev.hallpass.selfservice;

import dev.hallpass.web.PageTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show times: {@code #{format.time(t)}} in UTC, {@code #{format.ago(t)}} relative to now. */
@Named("format")
@ApplicationScoped
public class DisplayFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    Clock clock;

    public String time(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** "just now", "5 min ago", "3 h ago", "2 d ago"; "in 4 min" for the future (in the view's language). */
    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration between = Duration.between(instant, clock.instant());
        String amount = amount(between.abs());
        if (amount.isEmpty()) {
            return PageTexts.get("time.just-now");
        }
        return PageTexts.get(between.isNegative() ? "time.in" : "time.ago", amount);
    }

    private static String amount(Duration d) {
        if (d.toMinutes() < 1) {
            return "";
        }
        if (d.toHours() < 1) {
            return PageTexts.get("time.minutes", d.toMinutes());
        }
        return d.toDays() < 1 ? PageTexts.get("time.hours", d.toHours()) : PageTexts.get("time.days", d.toDays());
    }
}
