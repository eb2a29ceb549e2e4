package vn.egov.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class OutboxWorkerTest {

    /** A handler that sends nothing and keeps what it is told went wrong. */
    static class Told implements OutboxHandler {
        final List<Exception> failures = new ArrayList<>();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public String table() {
            return "test_outbox";
        }

        @Override
        public void send(List<OutboxRow> rows, OutboxRound round) {
        }

        @Override
        public void roundsFailed(Exception e) {
            failures.add(e);
        }
    }

    @Test
    void aDatabaseErrorInTheClaimIsToldToTheHandlerAndThrownOn() {
        SQLException down = new SQLException("connection refused");
        DataSource db = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw down;
                });
        Told handler = new Told();
        SQLException thrown = assertThrows(SQLException.class, () -> OutboxWorker.rounds(db, handler, null));
        assertSame(down, thrown, "the worker still logs it");
        assertEquals(List.of(down), handler.failures, "the handler is told, so that its status page shows it");
    }

    @Test
    void anErrorOfItsIdleWorkIsToldToo() {
        IllegalStateException broken = new IllegalStateException("no reindex");
        Told handler = new Told() {
            @Override
            public void idle(DataSource db) {
                throw broken;
            }
        };
        // a claim that finds nothing: the rounds end at once and the idle work runs
        DataSource empty = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> emptyConnection());
        assertThrows(IllegalStateException.class, () -> OutboxWorker.rounds(empty, handler, null));
        assertEquals(List.of(broken), handler.failures);
    }

    /** A connection whose every query answers no rows. */
    private static Object emptyConnection() {
        ClassLoader l = OutboxWorkerTest.class.getClassLoader();
        Object rows = Proxy.newProxyInstance(l, new Class<?>[] {java.sql.ResultSet.class}, (p, m, a) -> switch (m.getName()) {
            case "next" -> false;
            case "getMetaData" -> Proxy.newProxyInstance(l, new Class<?>[] {java.sql.ResultSetMetaData.class},
                    (p2, m2, a2) -> m2.getName().equals("getColumnCount") ? 0 : null);
            default -> null;
        });
        Object statement = Proxy.newProxyInstance(l, new Class<?>[] {java.sql.PreparedStatement.class},
                (p, m, a) -> m.getName().equals("executeQuery") ? rows : null);
        return Proxy.newProxyInstance(l, new Class<?>[] {java.sql.Connection.class},
                (p, m, a) -> m.getName().equals("prepareStatement") ? statement : null);
    }
}
