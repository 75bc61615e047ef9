package care.homeprogram.local;

/** The platform's deployable services, with the ports of docs/api-contract.md for the local run. */
public enum Service {
    PATIENTS("patients", "patient-service", 8081, true),
    PLANS("plans", "plan-service", 8082, true),
    NOTIFICATIONS("notifications", "notification-service", 8083, true),
    PORTAL("portal", "portal", 8080, false);

    private final String directory;
    private final String clientId;
    private final int documentedPort;
    private final boolean hasDatabase;

    Service(String directory, String clientId, int documentedPort, boolean hasDatabase) {
        this.directory = directory;
        this.clientId = clientId;
        this.documentedPort = documentedPort;
        this.hasDatabase = hasDatabase;
    }

    /** The folder under services/ and the name of its database. */
    public String directory() {
        return directory;
    }

    /** The Keycloak client that is this service's audience and service account. */
    public String clientId() {
        return clientId;
    }

    public int documentedPort() {
        return documentedPort;
    }

    /**
     * The port of the service's management interface (health, metrics, OpenAPI) in the local run: 9480 to 9483, so
     * that a platform moved by a multiple of 1000 ({@code --port-offset}) meets none of another platform's ports.
     */
    public int documentedManagementPort() {
        return documentedPort + 1400;
    }

    public boolean hasDatabase() {
        return hasDatabase;
    }

    /** The demo-only client secret of deploy/keycloak/homeprogram-realm.json. */
    public String demoClientSecret() {
        return clientId + "-demo-secret";
    }
}
