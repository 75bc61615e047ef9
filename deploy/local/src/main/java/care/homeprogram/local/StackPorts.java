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

    /** The documented ports moved by {@code offset}, for a second platform beside the first. */
    public StackPorts shifted(int offset) {
        return new StackPorts(postgres + offset, keycloak + offset, keycloakManagement + offset, kafka + offset,
                kafkaController + offset, smtp + offset, imap + offset);
    }

    /** Each port with what listens there, in the order the stack claims them. */
    public java.util.Map<Integer, String> byRole() {
        java.util.Map<Integer, String> roles = new java.util.LinkedHashMap<>();
        roles.put(postgres, "PostgreSQL");
        roles.put(keycloak, "Keycloak");
        roles.put(keycloakManagement, "Keycloak management");
        roles.put(kafka, "Kafka");
        roles.put(kafkaController, "Kafka controller");
        roles.put(smtp, "SMTP");
        roles.put(imap, "IMAP");
        return roles;
    }
}
