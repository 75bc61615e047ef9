package care.homeprogram.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Evaluates NetworkPolicies the way the API defines them (policies are additive allow-lists; a pod selected by a
 * policy of a type is isolated for that direction), for TCP connections between endpoints: pods of the namespace
 * (by labels), pods of other namespaces (namespace labels too), and addresses outside the cluster.
 */
final class NetworkPolicies {
    static final String NAMESPACE = "homeprogram";

    /** One end of a connection. A pod has labels; an outside address has none and an IP. */
    record Endpoint(String description, Map<String, String> namespaceLabels, Map<String, String> podLabels, String ip) {
        static Endpoint pod(String description, Map<String, String> labels) {
            return new Endpoint(description, Map.of("kubernetes.io/metadata.name", NAMESPACE), labels, null);
        }

        static Endpoint podIn(String namespace, String description, Map<String, String> labels) {
            return new Endpoint(description, Map.of("kubernetes.io/metadata.name", namespace), labels, null);
        }

        static Endpoint outside(String description, String ip) {
            return new Endpoint(description, null, null, ip);
        }

        boolean inNamespace() {
            return namespaceLabels != null && NAMESPACE.equals(namespaceLabels.get("kubernetes.io/metadata.name"));
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final List<NetworkPolicy> policies;

    NetworkPolicies(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    /** Whether a TCP connection from one endpoint to another's port is allowed by both ends' policies. */
    boolean allows(Endpoint from, Endpoint to, int port) {
        return egressAllowed(from, to, port) && ingressAllowed(from, to, port);
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port) {
        if (!from.inNamespace()) {
            return true; // not governed by this namespace's policies
        }
        List<NetworkPolicy> isolating = selecting(from, "Egress");
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(policy -> Stream.ofNullable(policy.getSpec().getEgress()).flatMap(List::stream))
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), port));
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, int port) {
        if (!to.inNamespace()) {
            return true;
        }
        List<NetworkPolicy> isolating = selecting(to, "Ingress");
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(policy -> Stream.ofNullable(policy.getSpec().getIngress()).flatMap(List::stream))
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), port));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String type) {
        return policies.stream()
                .filter(policy -> types(policy).contains(type))
                .filter(policy -> selects(policy.getSpec().getPodSelector(), pod.podLabels()))
                .toList();
    }

    private static List<String> types(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        return policy.getSpec().getEgress() == null || policy.getSpec().getEgress().isEmpty()
                ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        if (peers == null || peers.isEmpty()) {
            return true; // no "from"/"to": every source or destination
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, endpoint));
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            return endpoint.ip() != null && Cidr.contains(peer.getIpBlock().getCidr(), endpoint.ip())
                    && Optional.ofNullable(peer.getIpBlock().getExcept()).orElse(List.of()).stream()
                            .noneMatch(except -> Cidr.contains(except, endpoint.ip()));
        }
        if (endpoint.podLabels() == null) {
            return false; // selectors match pods only
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? endpoint.inNamespace()
                : selects(peer.getNamespaceSelector(), endpoint.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || selects(peer.getPodSelector(), endpoint.podLabels());
        return namespaceMatches && podMatches;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(candidate -> {
            String protocol = candidate.getProtocol() == null ? "TCP" : candidate.getProtocol();
            if (!"TCP".equals(protocol)) {
                return false;
            }
            IntOrString value = candidate.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() == null) {
                throw new AssertionError("named ports are not used in our policies: " + value.getStrVal());
            }
            int end = candidate.getEndPort() == null ? value.getIntVal() : candidate.getEndPort();
            return port >= value.getIntVal() && port <= end;
        });
    }

    static boolean isSelectAll(LabelSelector selector) {
        return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        boolean matchLabels = selector.getMatchLabels() == null
                || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean matchExpressions = selector.getMatchExpressions() == null
                || selector.getMatchExpressions().stream().allMatch(requirement -> matches(requirement, labels));
        return matchLabels && matchExpressions;
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
        };
    }

    /** IPv4 CIDR containment, enough for the policies' ipBlocks. */
    static final class Cidr {
        private Cidr() {
        }

        static boolean contains(String cidr, String ip) {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
            return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
        }

        private static long toLong(String ip) {
            long value = 0;
            for (String octet : ip.split("\\.")) {
                value = value << 8 | Integer.parseInt(octet);
            }
            return value;
        }
    }
}
