package care.homeprogram.testing;

import care.homeprogram.local.Service;
import care.homeprogram.local.ServiceConfig;
import care.homeprogram.local.StackCoordinates;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Points the service under test at the real stack with a database and topics of its own, so that tests of
 * different modules sharing one stack never see each other's rows or events. Use with
 * {@code @QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static volatile String topicPrefix;
    private Service service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = Service.valueOf(initArgs.getOrDefault("service", "").toUpperCase(Locale.ROOT));
    }

    @Override
    public Map<String, String> start() {
        StackCoordinates stack = SharedStack.coordinates();
        String run = UUID.randomUUID().toString().substring(0, 8);
        topicPrefix = "test-" + run + "-";
        stack.createTopics(topicPrefix);
        Map<String, String> config = new HashMap<>(
                ServiceConfig.forService(stack, service, "test_" + service.directory() + "_" + run, topicPrefix));
        config.put("homeprogram.portal-url", "http://localhost:8080");
        return config;
    }

    /** The prefix of this test JVM's topics: tests publish and read events through it. */
    public static String topicPrefix() {
        return topicPrefix;
    }

    @Override
    public void stop() {
        // The stack outlives the test class: it is shared by the whole run and stopped at its end.
    }
}
