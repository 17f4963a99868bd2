package dev.hallpass.infrastructure.metrics;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** A MetricRegistry whose metrics (counters, gauges, histograms, timers) accept everything and record nothing. */
public final class NoMetrics {

    private NoMetrics() {
    }

    public static MetricRegistry registry() {
        return noOp(MetricRegistry.class);
    }

    private static <T> T noOp(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(NoMetrics.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Class<?> result = method.getReturnType();
                    return switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "toString" -> "no-op " + type.getSimpleName();
                        default -> valueOf(result);
                    };
                }));
    }

    private static Object valueOf(Class<?> type) {
        if (type == void.class) return null;
        if (type == boolean.class) return false;
        if (type == long.class) return 0L;
        if (type == int.class) return 0;
        if (type == double.class) return 0.0;
        if (type == String.class) return MetricRegistry.APPLICATION_SCOPE;
        if (type == SortedMap.class) return Collections.emptySortedMap();
        if (type == Map.class) return Map.of();
        if (type == SortedSet.class) return Collections.emptySortedSet();
        if (type == Set.class) return Set.of();
        if (type == List.class) return List.of();
        if (type.isInterface() && type.getPackageName().startsWith("org.eclipse.microprofile.metrics")) return noOp(type);
        return null;
    }
}
