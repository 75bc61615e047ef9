package care.homeprogram.portal.service;

import care.homeprogram.portal.client.ServiceUnavailable;
import java.util.function.Supplier;

/**
 * One part of a page that comes from one service: its value, or that the service is unavailable right now. A page
 * renders what it has and says plainly what is missing, instead of failing as a whole.
 */
public record Section<T>(T value, String unavailableService) {

    public static <T> Section<T> load(Supplier<T> loader) {
        try {
            return new Section<>(loader.get(), null);
        } catch (ServiceUnavailable e) {
            return new Section<>(null, e.service());
        }
    }

    public static <T> Section<T> of(T value) {
        return new Section<>(value, null);
    }

    public boolean available() {
        return unavailableService == null;
    }

    public boolean unavailable() {
        return unavailableService != null;
    }

    public T orElse(T other) {
        return available() ? value : other;
    }
}
