package dev.hallpass.apps.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The receivers' streams (port; the database implements it, so every node serves every stream). */
public interface StreamRepository {

    void create(SignalStream stream);

    Optional<SignalStream> find(String id);

    List<SignalStream> ofClient(String clientId);

    /** Push streams whose next attempt is due. */
    List<SignalStream> pushDue(Instant now);

    /** Description and requested events. */
    void update(SignalStream stream);

    /** Moves the acknowledged position forward (never back); false if another node already moved it further. */
    boolean advance(String id, long from, long to, Instant at);

    /** The receiver was heard from (a poll): streams nobody polls for long are removed. */
    void seen(String id, Instant at);

    /** A push attempt failed: the next one waits. */
    void failed(String id, int failures, Instant nextAttemptAt);

    boolean delete(String id);

    /** Takes or keeps the push-delivery lease for {@code holder} until {@code until}: one node pushes at a time. */
    boolean holdPushLease(String holder, Instant now, Instant until);

    /** Removes up to {@code limit} streams not heard from since {@code cutoff}. */
    int deleteNotSeenSince(Instant cutoff, int limit);
}
