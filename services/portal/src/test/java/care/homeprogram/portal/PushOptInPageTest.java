package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Notifications on this device" on the Reminder settings page, with the real login and stand-ins for
 * patient-service and notification-service ({@link PushServicesStub}): the page carries the VAPID key and the
 * worker for /js/push.js and says, without JavaScript, that notifications need it; the subscription the script
 * fills into the form is forwarded as the patient's; a refused one is said kindly; a device is removed with a plain
 * form; the page and its forms are the patient's only.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PushServicesStub.class, restrictToAnnotatedClass = true)
class PushOptInPageTest {
    private static final String ENDPOINT = "https://fcm.googleapis.com/fcm/send/abc123";

    @TestHTTPResource("/")
    URL portal;

    @Test
    void aPatientTurnsNotificationsOnForThisDeviceAndOffAgain() throws Exception {
        Browser pat = signedIn("pat");
        HttpResponse<String> page = pat.get(uri("/preferences"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h2 id=\"push-heading\">Notifications on this device</h2>")
                .contains("data-vapid-key=\"" + PushServicesStub.VAPID_KEY + "\"")
                .contains("data-service-worker=\"/sw.js\"")
                .contains("Notifications on this device need JavaScript")
                .contains("Send reminders to this device")
                .contains("<script src=\"/js/push.js\" defer></script>");
        assertThat(pat.get(uri("/sw.js")).body()).as("the portal's service worker takes the push handling in")
                .contains("importScripts('/js/push-worker.js')");
        assertThat(pat.get(uri("/js/push-worker.js")).body()).contains("showNotification")
                .contains("notificationclick");

        String token = Browser.csrfToken(page.body());
        HttpResponse<String> subscribed = pat.post(uri("/preferences/push"), Map.of("csrf-token", token,
                "endpoint", ENDPOINT, "p256dh", "BItIAK3X", "auth", "c2VjcmV0"));
        assertThat(subscribed.statusCode()).isIn(302, 303);
        assertThat(subscribed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/preferences?done=push-on"));
        assertThat(PushServicesStub.DEVICES).singleElement().satisfies(device -> {
            assertThat(device.owner()).isEqualTo(PAT);
            assertThat(device.subscription().path("endpoint").asText()).isEqualTo(ENDPOINT);
            assertThat(device.subscription().path("keys").path("p256dh").asText()).isEqualTo("BItIAK3X");
            assertThat(device.subscription().path("keys").path("auth").asText()).isEqualTo("c2VjcmV0");
        });

        HttpResponse<String> after = pat.get(uri("/preferences?done=push-on"));
        assertThat(after.body()).contains("This device now gets your reminders and messages as notifications.")
                .contains("Devices that get notifications").contains("Through fcm.googleapis.com")
                .contains("Stop notifications on this device");
        String deviceId = PushServicesStub.DEVICES.get(0).id().toString();
        assertThat(after.body()).contains("value=\"" + deviceId + "\"");

        HttpResponse<String> removed = pat.post(uri("/preferences/push/remove"), Map.of("csrf-token",
                Browser.csrfToken(after.body()), "id", deviceId));
        assertThat(removed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/preferences?done=push-off"));
        assertThat(PushServicesStub.REMOVED).contains(java.util.UUID.fromString(deviceId));

        // An endpoint notification-service refuses, and a form without a subscription: said kindly, nothing kept.
        for (Map<String, String> form : List.of(
                Map.of("endpoint", "https://attacker.example.org/x", "p256dh", "k", "auth", "a"),
                Map.of("endpoint", "", "p256dh", "", "auth", ""))) {
            Map<String, String> withToken = new java.util.HashMap<>(form);
            withToken.put("csrf-token", token);
            HttpResponse<String> refused = pat.post(uri("/preferences/push"), withToken);
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/preferences?done=push-refused"));
        }
        assertThat(PushServicesStub.DEVICES).isEmpty();
        assertThat(pat.get(uri("/preferences?done=push-refused")).body())
                .contains("This device could not be set up for notifications.");
    }

    @Test
    void onlyPatientsHaveTheReminderSettingsPageAndItsForms() throws Exception {
        for (String user : List.of("tara", "ada")) {
            Browser browser = signedIn(user);
            assertThat(browser.get(uri("/preferences")).statusCode()).as(user).isEqualTo(403);
            String token = Browser.csrfToken(browser.get(uri(user.equals("tara") ? "/patients/new"
                    : "/admin/accounts/new")).body());
            assertThat(browser.post(uri("/preferences/push"), Map.of("csrf-token", token, "endpoint", ENDPOINT,
                    "p256dh", "k", "auth", "a")).statusCode()).as(user).isEqualTo(403);
            assertThat(browser.post(uri("/preferences/push/remove"), Map.of("csrf-token", token, "id",
                    PAT.toString())).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(new Browser().get(uri("/preferences")).statusCode()).isIn(302, 303);
    }

    /** Signed in on a page of their role that needs no service but the stand-ins (the start page needs more). */
    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        String page = switch (user) {
            case "pat" -> "/preferences";
            case "tara" -> "/patients/new";
            default -> "/admin/accounts/new";
        };
        assertThat(browser.signIn(uri(page), user).statusCode()).as(user).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
