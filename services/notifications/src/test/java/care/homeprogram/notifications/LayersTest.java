package care.homeprogram.notifications;

import care.homeprogram.testing.Layers;
import org.junit.jupiter.api.Test;

/** service/ never uses rest/ (a plain unit test: no application, no infrastructure). */
class LayersTest {
    @Test
    void serviceLayerDoesNotUseRestTypes() {
        Layers.assertServiceDoesNotUseRest("care.homeprogram.notifications");
    }
}
