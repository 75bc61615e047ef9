package care.homeprogram.testing;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Health, metrics and the OpenAPI document are served on the management interface only (docs/security.md,
 * "Management interface"); in tests it listens on a free port ({@code quarkus.management.test-port=0}). Use from a
 * {@code @QuarkusTest}: {@code ManagementInterface.given().get("/q/openapi?format=json")}.
 */
public final class ManagementInterface {
    private ManagementInterface() {
    }

    /** The management port of the application under test. */
    public static int port() {
        return Arc.container().instance(HttpServer.class).get().getManagementPort();
    }

    /** A RestAssured request to the application's management interface (the public port stays RestAssured's default). */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
