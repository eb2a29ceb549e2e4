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

    /** A progress line in the tool's words: the text of {@code key} in its bundle ({@link Said}), filled with {@code args}. */
    public void say(String key, Object... args) {
        step("%s", Said.text(key, args));
    }

    public void raw(String line) {
        out.println(line);
        out.flush();
    }
}
