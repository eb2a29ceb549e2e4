package vn.egov.provisioning;

import java.io.PrintStream;

/** Progress lines for a person watching the command. */
public final class Log {
    private final PrintStream out;
    private final long started = System.nanoTime();

    public Log(PrintStream out) {
        this.out = out;
    }

    public void step(String format, Object... args) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        out.printf("[%6.1f s] %s%n", ms / 1000.0, String.format(format, args));
        out.flush();
    }

    public void raw(String line) {
        out.println(line);
        out.flush();
    }
}
