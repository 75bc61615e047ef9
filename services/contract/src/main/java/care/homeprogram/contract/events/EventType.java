package care.homeprogram.contract.events;

import java.util.Objects;

/**
 * One kind of event: the topic it travels on, its {@code type} name in the envelope, the newest {@code version} of its
 * data this build knows, and the record its data is. Producers write events only through these (the envelope then
 * carries this version), consumers subscribe to these: a payload is declared once, here, never again in a consumer.
 *
 * <p>The version rule (docs/events.md#versions): adding a field consumers may ignore, or dropping one no consumer
 * reads, keeps the version; renaming a field, changing its type or meaning, adding a value to an enum consumers
 * switch on, or a new required field raises it by one. A consumer processes every version up to the one it knows and
 * dead-letters a newer one with its reason, to be replayed once it is deployed with the newer contract.
 *
 * @param <T> the record the event's {@code data} is read into
 */
public record EventType<T>(String topic, String name, int version, Class<T> data) {
    public EventType {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (version < 1) {
            throw new IllegalArgumentException("an event version starts at 1: " + name);
        }
    }

    @Override
    public String toString() {
        return topic + "/" + name + " v" + version;
    }
}
