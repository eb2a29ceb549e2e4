package bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;

/**
 * The bare JAX-RS ceilings of the portal benchmark: constant strings of the two home pages' sizes (a commune's and
 * the province's), from resources with nothing else in the way. Compiled and deployed by load.sh into a throw-away WAR; never part of the product.
 */
public class BenchCeiling {
    @ApplicationPath("/api")
    public static class App extends Application {
    }

    @Path("constant")
    public static class Constant {
        static final byte[] BODY = body(Integer.getInteger("bench.size", 20000));

        static byte[] body(int size) {
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

    /** The same, of the size of the second (larger) page measured: the province's home page. */
    @Path("constant-large")
    public static class LargeConstant {
        static final byte[] BODY = Constant.body(Integer.getInteger("bench.size.large", 20000));

        @GET
        @Produces("text/html;charset=utf-8")
        public byte[] get() {
            return BODY;
        }
    }

    /** Any size, asked for by the query ({@code ?size=}): the ceiling of each public page of pages.sh. */
    @Path("sized")
    public static class Sized {
        static final java.util.Map<Integer, byte[]> BODIES = new java.util.concurrent.ConcurrentHashMap<>();

        @GET
        @Produces("text/html;charset=utf-8")
        public byte[] get(@jakarta.ws.rs.QueryParam("size") int size) {
            return BODIES.computeIfAbsent(Math.max(1, Math.min(size, 2_000_000)), Constant::body);
        }
    }
}
