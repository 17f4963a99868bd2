package dev.hallpass.admin;

import dev.hallpass.alerting.boundary.AlertMonitor;
import dev.hallpass.alerting.control.Alert;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The alerts every node fired, newest first, with how their webhook delivery went. */
@Named
@RequestScoped
public class AlertsPage {

    static final int SHOWN = 200;

    @Inject
    AlertMonitor monitor;

    private List<Alert> alerts;

    public int getShown() {
        return SHOWN;
    }

    public List<Alert> getAlerts() {
        if (alerts == null) {
            alerts = monitor.recent(SHOWN);
        }
        return alerts;
    }
}
