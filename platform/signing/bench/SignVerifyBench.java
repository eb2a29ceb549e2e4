package vn.egov.platform.signing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import vn.egov.platform.signing.PdfSigner.Placement;
import vn.egov.platform.signing.PdfSigner.SigningKey;
import vn.egov.platform.signing.PdfVerifier.Verdict;

/**
 * Throughput of platform/signing on one thread (= per core): signatures/s (a person's signature on the unsigned
 * one-page decision of the tests; the organisation's seal on the person-signed PDF) and verifications/s (the PDF
 * signed by both, two signatures, VALID), after a warm-up. A plain main on the module's test classpath; see
 * run.sh. Arguments: [RSA_2048|EC_P256] [warm-up seconds] [measured seconds].
 */
public final class SignVerifyBench {

    public static void main(String[] args) throws Exception {
        TestPki.KeyType keyType = args.length > 0 ? TestPki.KeyType.valueOf(args[0]) : TestPki.KeyType.RSA_2048;
        double warmUp = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        double measured = args.length > 2 ? Double.parseDouble(args[2]) : 20;

        char[] password = "bench".toCharArray();
        Path dir = Files.createTempDirectory("sign-bench");
        TestPki pki = TestPki.create(dir, password, keyType);
        TestPki.UnitKeystore unit = pki.unitKeystore("ubnd-ban-ho", "UBND xã Bản Hồ", List.of(new TestPki.Person("an", "Nguyễn Văn An")));
        PdfSigner signer = new PdfSigner();
        PdfVerifier verifier = new PdfVerifier(List.of(pki.root()));
        byte[] decision = Pdfs.decision();
        Placement where = new Placement(1, 330, 560, 180, 90);

        try (SigningKey person = SigningKey.open(unit.file(), password, TestPki.personAlias("an"));
             SigningKey organisation = SigningKey.open(unit.file(), password, TestPki.ORGANISATION_ALIAS)) {
            byte[] byPerson = signer.signAsPerson(decision, person, where, null);
            byte[] byBoth = signer.signAsOrganisation(byPerson, organisation, where, null);
            if (verifier.verify(byBoth).verdict() != Verdict.VALID) {
                throw new IllegalStateException("the benchmark's PDF does not verify: " + verifier.verify(byBoth));
            }
            System.out.printf(Locale.ROOT, "key %s, font %s, PDF %d B unsigned, %d B signed by both; %s, %d cores%n",
                    keyType, Fonts.vietnamese().source(), decision.length, byBoth.length,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());

            report("sign as person", warmUp, measured, () -> signer.signAsPerson(decision, person, where, null));
            report("sign as organisation", warmUp, measured, () -> signer.signAsOrganisation(byPerson, organisation, where, null));
            report("verify (2 signatures)", warmUp, measured, () -> {
                if (verifier.verify(byBoth).verdict() != Verdict.VALID) {
                    throw new IllegalStateException("not VALID");
                }
                return null;
            });
        }
    }

    /**
     * Prints the rate by the wall clock and by the CPU time of the benchmark's thread (the latter is what one core
     * does when the machine is shared and the thread waits for a core now and then; GC and JIT threads excluded).
     */
    private static void report(String what, double warmUp, double measured, Supplier<?> operation) {
        run(operation, warmUp);
        long[] result = run(operation, measured);
        double seconds = result[1] / 1e9;
        double cpuSeconds = result[2] / 1e9;
        System.out.printf(Locale.ROOT, "%-24s %7.1f /s wall clock, %7.1f /s CPU time  (%d in %.1f s, %.1f ms each; %.1f ms CPU)%n",
                what, result[0] / seconds, result[0] / cpuSeconds, result[0], seconds, seconds * 1000 / result[0],
                cpuSeconds * 1000 / result[0]);
    }

    /** Runs the operation for about {@code seconds}; the count, the nanoseconds taken and the thread's CPU nanoseconds. */
    private static long[] run(Supplier<?> operation, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long count = 0;
        long now;
        do {
            operation.get();
            count++;
            now = System.nanoTime();
        } while (now < until);
        return new long[] {count, now - start, threads.getCurrentThreadCpuTime() - cpu};
    }
}
