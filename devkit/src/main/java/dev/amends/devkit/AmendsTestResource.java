package dev.amends.devkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Points a {@code @QuarkusTest} at the shared test broker and at a test database of its own,
 * named after the module ({@code intake-service} tests use {@code intake_service_test}), emptied
 * once per test run so runs never see each other's rows nor the run command's data.
 */
public class AmendsTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Set<String> RECREATED = new HashSet<>();

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        String database = testDatabase(System.getProperty("amends.test.database", "amends"));
        synchronized (RECREATED) {
            if (RECREATED.add(database)) {
                infrastructure.postgres().recreateDatabase(database);
            }
        }
        return infrastructure.serviceConfig(database);
    }

    @Override
    public void stop() {
        // The broker and the database outlive one test class; TestInfrastructure stops them with the JVM.
    }

    public static String testDatabase(String module) {
        return module.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_test";
    }
}
