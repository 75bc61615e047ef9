package care.homeprogram.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes event envelopes with the application's ObjectMapper. */
@ApplicationScoped
public class EventJson {
    private final ObjectMapper mapper;

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws PoisonMessageException when the payload is not an envelope; such a message goes to the dead-letter topic */
    public EventEnvelope read(String payload) {
        try {
            EventEnvelope envelope = mapper.readValue(payload, EventEnvelope.class);
            if (envelope.id() == null || envelope.type() == null || envelope.data() == null) {
                throw new PoisonMessageException("event without id, type or data");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not an event envelope: " + e.getOriginalMessage());
        }
    }

    /** @throws PoisonMessageException when the data does not fit the contract's record (named in the reason) */
    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (InvalidFormatException e) {
            // e.g. an enum value this build does not know: name the field and the value, never the rest of the data
            String field = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new PoisonMessageException(envelope.type() + " " + envelope.id() + " has unreadable data: unknown "
                    + field + " " + e.getValue());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException(envelope.type() + " " + envelope.id() + " has unreadable data: "
                    + e.getMessage());
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
