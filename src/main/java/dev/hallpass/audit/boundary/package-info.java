/**
 * Recording and reading security events ({@code SecurityEvents}, the admin resource) and the signals
 * that raise some of them ({@code Anomalies}: a login from a new network, a refresh storm).
 */
package dev.hallpass.audit.boundary;
