package vn.egov.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void manyChecksAtOnceAllGetTheRightAnswerAndGiveTheirTurnBack() throws Exception {
        String stored = Passwords.hash("mật-khẩu-đúng-123");
        int permits = Passwords.HASHING.availablePermits();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> right = new ArrayList<>();
            List<Future<Boolean>> wrong = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                right.add(pool.submit(() -> Passwords.matches("mật-khẩu-đúng-123", stored)));
                wrong.add(pool.submit(() -> Passwords.matches("mật-khẩu-sai-1234", stored)));
            }
            for (int i = 0; i < 16; i++) {
                assertTrue(right.get(i).get());
                assertFalse(wrong.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(permits, Passwords.HASHING.availablePermits(), "every turn given back");
    }
}
