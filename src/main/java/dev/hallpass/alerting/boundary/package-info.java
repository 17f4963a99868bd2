/**
 * Alerting for operators without Prometheus: {@code AlertMonitor} watches security events, session ends and
 * the readiness checks of the stores and fires alerts, {@code AlertWebhook} posts each one to the configured
 * URL (signed, retried with back-off, never on a request's thread), {@code AlertResource} lists them for admins.
 */
package dev.hallpass.alerting.boundary;
