/**
 * When something an operator must hear of has happened, in plain Java: which security events, how many
 * session ends per minute and how long a store may be down before an alert fires, how often the same alert
 * may repeat ({@link dev.hallpass.alerting.control.AlertRules}); how a webhook is signed
 * ({@link dev.hallpass.alerting.control.WebhookSignature}) and retried; the port that keeps fired alerts.
 */
package dev.hallpass.alerting.control;
