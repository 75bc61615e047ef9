package care.homeprogram.journey;

import care.homeprogram.local.PostgresServer;
import care.homeprogram.testing.SharedStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries on the journey platform's notification-service database, to count what really happened; a journey may
 * also write a fixture that the service's own jobs would otherwise take hours of real time to produce.
 */
final class NotificationsDatabase {
    private NotificationsDatabase() {
    }

    static long count(String sql, Object... parameters) {
        return rows(sql, parameters).stream().findFirst().map(row -> ((Number) row.get(0)).longValue()).orElse(0L);
    }

    /** Runs one statement in its own transaction; returns the number of rows it changed. */
    static int update(String sql, Object... parameters) {
        String url = SharedStack.coordinates().jdbcUrl(RunningPlatform.databasePrefix() + "notifications");
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed on the notifications database: " + sql, e);
        }
    }

    static List<List<Object>> rows(String sql, Object... parameters) {
        String url = SharedStack.coordinates().jdbcUrl(RunningPlatform.databasePrefix() + "notifications");
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on the notifications database: " + sql, e);
        }
    }
}
