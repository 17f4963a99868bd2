package dev.hallpass.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.infrastructure.persistence.JpaSessionStore.Touch;
import dev.hallpass.infrastructure.persistence.JpaSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The touch buffer's promise to readers: a touch is visible from the moment it is taken until its row is written. */
class TouchBufferTest {

    /** A database whose batch write waits until the test lets it go, and records what it wrote. */
    static final class SlowDatabase extends JpaSessionStore {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile Collection<Touch> written = List.of();

        @Override
        public List<String> touchAll(Collection<Touch> touches) {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written = List.copyOf(touches);
            return List.of();
        }
    }

    static final class NoMetrics extends SessionCacheMetrics {
        @Override
        public void touchesWritten(int rows) {
        }
    }

    @Test
    void aTouchBeingWrittenIsStillSeenUntilItsBatchIsDone() throws Exception {
        TouchBuffer buffer = new TouchBuffer();
        SlowDatabase database = new SlowDatabase();
        buffer.database = database;
        buffer.metrics = new NoMetrics();
        buffer.flushInterval = Duration.ofSeconds(1);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        Touch touch = new Touch("handle-1", now, now.plus(Duration.ofMinutes(30)));
        buffer.add(touch);

        Thread flusher = new Thread(buffer::flush);
        flusher.start();
        assertTrue(database.writing.await(10, TimeUnit.SECONDS), "the batch is being written");
        assertEquals(Optional.of(touch), buffer.pending("handle-1"), "taken for the batch, not yet committed: still laid over");

        database.release.countDown();
        flusher.join(10_000);
        assertEquals(List.of(touch), List.copyOf(database.written));
        assertEquals(Optional.empty(), buffer.pending("handle-1"), "committed: the row has it now");
    }
}
