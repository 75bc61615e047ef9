package care.homeprogram.local;

/** The ports the infrastructure listens on: the documented fixed ones for the local run, free ones for tests. */
public record StackPorts(int postgres, int keycloak, int keycloakManagement, int kafka, int kafkaController,
        int smtp, int imap) {

    public static StackPorts documented() {
        return new StackPorts(15432, 8180, 9000, 9092, 9093, 2525, 3143);
    }

    public static StackPorts free() {
        return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free());
    }

    public void requireAvailable() {
        int[] all = { postgres, keycloak, keycloakManagement, kafka, kafkaController, smtp, imap };
        for (int port : all) {
            if (Ports.inUse(port)) {
                throw new IllegalStateException("port " + port + " is already in use: is another './homeprogram run' "
                        + "still up? Stop it (Ctrl-C) or free the port.");
            }
        }
    }
}
