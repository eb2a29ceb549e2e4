package bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;

/**
 * The bare JAX-RS ceiling of the portal benchmark: a constant string of the home page's size, from a resource with
 * nothing else in the way. Compiled and deployed by load.sh into a throw-away WAR; never part of the product.
 */
public class BenchCeiling {
    @ApplicationPath("/api")
    public static class App extends Application {
    }

    @Path("constant")
    public static class Constant {
        static final byte[] BODY = body();

        static byte[] body() {
            int size = Integer.getInteger("bench.size", 20000);
            StringBuilder b = new StringBuilder(size);
            while (b.length() < size) {
                b.append("<p>Trang hằng số cùng cỡ với trang chủ.</p>\n");
            }
            // exactly the page's size in bytes (the text is UTF-8, some characters take two or three)
            return java.util.Arrays.copyOf(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), size);
        }

        @GET
        @Produces("text/html;charset=utf-8")
        public byte[] get() {
            return BODY;
        }
    }
}
