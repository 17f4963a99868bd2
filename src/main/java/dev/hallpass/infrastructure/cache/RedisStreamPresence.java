package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.StreamPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;

/**
 * Open event streams of the whole cluster in one Redis sorted set, {@code hallpass:presence:streams}: member the
 * username, score the last time (epoch ms) a node reported a stream of theirs. Reports older than an hour are
 * trimmed at each report. Nothing here is written per request; Redis unavailable: {@link #lastReported} is empty.
 */
@ApplicationScoped
public class RedisStreamPresence implements StreamPresence {

    static final String KEY = "hallpass:presence:streams";
    private static final Duration KEEP = Duration.ofHours(1);

    @Inject
    RedisSessionCache redis;

    @Override
    public void report(Collection<String> usernames, Instant at) {
        if (usernames.isEmpty()) {
            return;
        }
        Map<String, Double> scores = new HashMap<>();
        usernames.forEach(user -> scores.put(user, (double) at.toEpochMilli()));
        redis.call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                pipeline.zadd(KEY, scores);
                pipeline.zremrangeByScore(KEY, 0, at.minus(KEEP).toEpochMilli());
                pipeline.sync();
            }
            return null;
        }, null);
    }

    @Override
    public Optional<Map<String, Instant>> lastReported(Collection<String> usernames) {
        if (!redis.configured() || redis.bypassed()) {
            return Optional.empty();
        }
        List<String> users = List.copyOf(usernames);
        return Optional.ofNullable(redis.call(client -> {
            Map<String, Instant> reported = new HashMap<>();
            if (users.isEmpty()) {
                return reported;
            }
            List<Double> scores = client.zmscore(KEY, users.toArray(String[]::new));
            for (int i = 0; i < users.size(); i++) {
                if (scores.get(i) != null) {
                    reported.put(users.get(i), Instant.ofEpochMilli(scores.get(i).longValue()));
                }
            }
            return reported;
        }, null));
    }
}
