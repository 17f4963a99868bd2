package dev.hallpass.alerting.control;

import java.util.List;

/** Fired alerts (port; the database keeps them, so the console shows every node's). */
public interface AlertRepository {

    /** Inserts the alert, or updates its delivery if it is already there. */
    void save(Alert alert);

    /** The newest first. */
    List<Alert> recent(int limit);
}
