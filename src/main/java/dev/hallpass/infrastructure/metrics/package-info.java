/**
 * The metrics registry as a dependency: {@code @ApplicationMetrics MetricRegistry}, the server's
 * MicroProfile Metrics registry or {@code NoMetrics} where there is none. The one infrastructure type
 * features may inject (a qualifier, like the {@code Clock}).
 */
package dev.hallpass.infrastructure.metrics;
