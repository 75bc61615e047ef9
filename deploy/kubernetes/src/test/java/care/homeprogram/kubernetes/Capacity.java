package care.homeprogram.kubernetes;

import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/** How many pods a workload of a rendered overlay may run at once, for the connection budget. */
final class Capacity {
    private Capacity() {
    }

    static Optional<HorizontalPodAutoscaler> autoscaler(Platform platform, String deployment) {
        return platform.all(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                        && deployment.equals(hpa.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    /** The most pods the Deployment runs in steady state: its autoscaler's maximum, else its replicas (default 1). */
    static int steadyPods(Platform platform, Deployment deployment) {
        return autoscaler(platform, deployment.getMetadata().getName())
                .map(hpa -> hpa.getSpec().getMaxReplicas())
                .orElseGet(() -> Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1));
    }

    /**
     * The most pods at once, a rolling update included: the extra pods of maxSurge (default 25 %, rounded up, as the
     * Deployment controller does) start, and open their pools, before the old ones stop.
     */
    static int peakPods(Platform platform, Deployment deployment) {
        int pods = steadyPods(platform, deployment);
        IntOrString surge = Optional.ofNullable(deployment.getSpec().getStrategy())
                .filter(strategy -> !"Recreate".equals(strategy.getType()))
                .map(strategy -> strategy.getRollingUpdate() == null ? null : strategy.getRollingUpdate().getMaxSurge())
                .orElse(new IntOrString("25%"));
        if (deployment.getSpec().getStrategy() != null && "Recreate".equals(deployment.getSpec().getStrategy().getType())) {
            return pods;
        }
        if (surge.getIntVal() != null) {
            return pods + surge.getIntVal();
        }
        int percent = Integer.parseInt(surge.getStrVal().replace("%", ""));
        return pods + (int) Math.ceil(pods * percent / 100.0);
    }

    static int intValue(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new AssertionError("no " + key + " in " + map);
        }
        return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString());
    }
}
