package dev.hallpass.session.boundary;

import dev.hallpass.session.control.SessionDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends the sessions that ran out while nobody used them. Most idle sessions end that way (the user
 * simply left), and without this they would stay "live" rows until the cleanup deleted them, never
 * counted as ended, never recorded as {@code IDLE_TIMEOUT}. Each is ended through
 * {@link SessionService#watch}: the same conditional end, announcement and event as when a request
 * finds it, so when several nodes sweep at once each session still ends once.
 */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
    private static final int MAX_BATCHES_PER_RUN = 20;

    @Inject
    SessionDirectory directory;

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.session.expiry-sweep-interval", defaultValue = "PT1M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "hallpass.session.cleanup-batch-size", defaultValue = "500")
    int batchSize;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    void start(@Observes Startup startup) {
        if (!interval.isZero()) {
            long millis = interval.toMillis();
            schedule = scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** One run, batch after batch (bounded); returns how many sessions it ended. */
    public int run() {
        int ended = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<String> runOut = directory.runOut(clock.instant(), batchSize);
            for (String handle : runOut) {
                if (sessions.watch(handle).isEmpty()) {
                    ended++;
                }
            }
            if (runOut.size() < batchSize) {
                break;
            }
        }
        return ended;
    }

    private void runQuietly() {
        try {
            int ended = run();
            if (ended > 0) {
                LOG.fine(() -> "Ended " + ended + " sessions that had run out");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiry sweep failed; it runs again in " + interval, e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
