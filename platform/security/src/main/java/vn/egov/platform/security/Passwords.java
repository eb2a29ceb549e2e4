package vn.egov.platform.security;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;
import org.apache.shiro.crypto.hash.HashRequest;
import org.apache.shiro.lang.util.ByteSource;

/**
 * Password hashing with Shiro's password service: Argon2id, salted, in Shiro's self-describing format, with
 * OWASP's recommended parameters (19 MiB, 2 passes, 1 lane). Shiro's default (64 MiB, 4 lanes) cost about
 * 130 ms a hash here and several times that inside a busy server, for no gain over the recommendation.
 * Stored hashes carry their own parameters, so older ones still verify.
 */
public final class Passwords {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;

    /**
     * Argon2 takes {@value #MEMORY_KIB} KiB per hash: at most this many hashes at once (twice the cores, at least 2),
     * the others wait their turn. Without the bound, a burst of logins (32 at once in a test) ran the server out of
     * heap, and Shiro turned the OutOfMemoryError into "wrong password".
     */
    static final java.util.concurrent.Semaphore HASHING = new java.util.concurrent.Semaphore(
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), true);

    private static final PasswordService SERVICE = new DefaultPasswordService() {
        @Override
        public org.apache.shiro.crypto.hash.Hash hashPassword(Object plaintext) {
            HASHING.acquireUninterruptibly();
            try {
                return super.hashPassword(plaintext);
            } finally {
                HASHING.release();
            }
        }

        @Override
        public boolean passwordsMatch(Object plaintext, org.apache.shiro.crypto.hash.Hash saved) {
            HASHING.acquireUninterruptibly();
            try {
                return super.passwordsMatch(plaintext, saved);
            } finally {
                HASHING.release();
            }
        }

        @Override
        protected HashRequest createHashRequest(ByteSource plaintext) {
            return new HashRequest.Builder().setSource(plaintext).setAlgorithmName("argon2id")
                    .addParameter("Argon2.memoryKib", Integer.toString(MEMORY_KIB))
                    .addParameter("Argon2.iterations", Integer.toString(ITERATIONS))
                    .addParameter("Argon2.parallelism", Integer.toString(PARALLELISM))
                    .build();
        }
    };

    private Passwords() {
    }

    public static String hash(String plaintext) {
        if (plaintext == null || plaintext.length() < 10) {
            throw new IllegalArgumentException("a password has at least 10 characters");
        }
        return SERVICE.encryptPassword(plaintext);
    }

    public static boolean matches(String plaintext, String stored) {
        return SERVICE.passwordsMatch(plaintext, stored);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** A random 16-character password (about 94 bits) to hand to a new user once. */
    public static String oneTimePassword() {
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    public static PasswordService service() {
        return SERVICE;
    }
}
