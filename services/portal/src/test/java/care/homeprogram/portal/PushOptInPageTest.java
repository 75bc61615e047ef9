package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
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
 * form; the page and its forms are the patient's only. A therapist has the same section (the shared
 * {@code tags/push.html} and the same forms' handling) on Notification settings, with PHI-free words for alerts and
 * the service worker without offline copies; that page and its forms are the therapist's only.
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

        // the statuses js/push.js writes come from the page, in the patient's language (here the browser's)
        assertThat(page.body()).contains("data-asking=\"Asking this browser for permission…\"")
                .contains("data-failed=\"Notifications could not be turned on.");
        assertThat(pat.get(uri("/preferences"), Map.of("Accept-Language", "de")).body())
                .contains("data-unsupported=\"Dieser Browser kann keine Benachrichtigungen von HomeProgram anzeigen.")
                .contains("data-asking=\"Dieser Browser wird um Erlaubnis gebeten …\"")
                .contains("data-failed=\"Die Benachrichtigungen konnten nicht eingeschaltet werden.")
                .doesNotContain("Asking this browser");

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
        assertThat(after.body()).contains("This device now gets notifications from HomeProgram.")
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

    @Test
    void aTherapistTurnsAlertsOnForThisDeviceWithTheSameSectionAndOffAgain() throws Exception {
        Browser tara = signedIn("tara");
        assertThat(tara.get(uri("/patients/new")).body()).as("the therapist's nav links the page")
                .contains("<a href=\"/settings/notifications\">Notifications</a>");
        HttpResponse<String> page = tara.get(uri("/settings/notifications"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Notification settings</h1>")
                .contains("<h2 id=\"push-heading\">Notifications on this device</h2>")
                .contains("data-vapid-key=\"" + PushServicesStub.VAPID_KEY + "\"")
                .contains("action=\"/settings/notifications/push\"")
                .as("push only: a therapist's device keeps no offline copies")
                .contains("data-service-worker=\"/sw.js?offline=off\"")
                .contains("A notification only says “A patient needs your attention”")
                .contains("Send alerts to this device")
                .contains("<script src=\"/js/push.js\" defer></script>")
                .doesNotContain("Send reminders to this device").doesNotContain("Your program for today is ready")
                .as("the therapist's pages never name the person for the offline copies")
                .doesNotContain("data-person=").doesNotContain("id=\"offline-banner\"");
        assertThat(tara.get(uri("/sw.js?offline=off")).body())
                .contains("importScripts('/js/push-worker.js')")
                .contains("searchParams.get('offline') !== 'off'");

        HttpResponse<String> subscribed = tara.post(uri("/settings/notifications/push"), Map.of("csrf-token",
                Browser.csrfToken(page.body()), "endpoint", ENDPOINT, "p256dh", "BItIAK3X", "auth", "c2VjcmV0"));
        assertThat(subscribed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/settings/notifications?done=push-on"));
        PushServicesStub.Device device = PushServicesStub.DEVICES.stream().filter(d -> d.owner().equals(TARA)).findFirst()
                .orElseThrow();
        assertThat(device.subscription().path("endpoint").asText()).isEqualTo(ENDPOINT);

        HttpResponse<String> after = tara.get(uri("/settings/notifications?done=push-on"));
        assertThat(after.body()).contains("This device now gets notifications from HomeProgram.")
                .contains("Through fcm.googleapis.com")
                .contains("action=\"/settings/notifications/push/remove\"")
                .contains("value=\"" + device.id() + "\"");

        HttpResponse<String> refused = tara.post(uri("/settings/notifications/push"), Map.of("csrf-token",
                Browser.csrfToken(after.body()), "endpoint", "https://attacker.example.org/x", "p256dh", "k",
                "auth", "a"));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/settings/notifications?done=push-refused"));

        HttpResponse<String> removed = tara.post(uri("/settings/notifications/push/remove"), Map.of("csrf-token",
                Browser.csrfToken(after.body()), "id", device.id().toString()));
        assertThat(removed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/settings/notifications?done=push-off"));
        assertThat(PushServicesStub.DEVICES).noneMatch(d -> d.owner().equals(TARA));
    }

    @Test
    void onlyTherapistsHaveTheNotificationSettingsPageAndItsForms() throws Exception {
        for (String user : List.of("pat", "ada")) {
            Browser browser = signedIn(user);
            assertThat(browser.get(uri("/settings/notifications")).statusCode()).as(user).isEqualTo(403);
            String token = Browser.csrfToken(browser.get(uri(user.equals("pat") ? "/preferences"
                    : "/admin/accounts/new")).body());
            assertThat(browser.post(uri("/settings/notifications/push"), Map.of("csrf-token", token, "endpoint",
                    ENDPOINT, "p256dh", "k", "auth", "a")).statusCode()).as(user).isEqualTo(403);
            assertThat(browser.post(uri("/settings/notifications/push/remove"), Map.of("csrf-token", token, "id",
                    TARA.toString())).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(new Browser().get(uri("/settings/notifications")).statusCode()).isIn(302, 303);
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
