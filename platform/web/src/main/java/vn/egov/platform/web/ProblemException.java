package vn.egov.platform.web;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.words.Words;

/** Thrown by boundaries to answer with a given problem. */
public class ProblemException extends RuntimeException {
    private static final String NOT_FOUND = "platform.notFound.";
    /** Where the keys of the platform's own problems start. */
    public static final String PLATFORM = "platform.problem.";
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").titleEn() + (problem.detailEn() == null ? "" : ": " + problem.detailEn()));
        this.problem = problem;
    }

    public Problem problem() { return problem; }

    /**
     * "Not found" (404, {@code not-found}): "Không tìm thấy …" / "No such …", what was not found said by the key
     * {@code whatKey} of a module's texts ({@code texts}, such as its {@code Wording::in}; the platform's own are
     * {@link #platformTexts}), {@code {0}}, {@code {1}}… filled with {@code args}, in the reader's language. The frame
     * is the platform's ({@value #NOT_FOUND}{@code title} and {@code detail} of its pages' bundle).
     */
    public static ProblemException notFound(Function<Locale, ? extends Words> texts, String whatKey, Object... args) {
        Function<Locale, Words> framed = locale -> {
            Words module = texts.apply(locale);
            Words platform = platformTexts(locale);
            return (key, a) -> key.equals(NOT_FOUND + "title") || key.equals(NOT_FOUND + "detail") ? platform.text(key, a) : module.text(key, a);
        };
        return new ProblemException(Problem.said(framed, 404, "not-found", NOT_FOUND + "title",
                w -> w.text(NOT_FOUND + "detail", w.text(whatKey, args)), w -> Map.of()));
    }

    /** The platform's texts in {@code locale} (its pages' bundle, {@link Messages#PLATFORM}), for its own problems. */
    public static Words platformTexts(Locale locale) {
        return Words.of(locale, Messages.PLATFORM);
    }

    /**
     * One of the platform's own problems, said by keys of its bundle ({@link #platformTexts}):
     * {@value #PLATFORM}{@code <name>.title} and {@code .detail}, {@code {0}}, {@code {1}}… filled with {@code args}.
     */
    public static Problem platform(int status, String type, String name, Object... args) {
        return Problem.of(ProblemException::platformTexts, status, type, PLATFORM + name + ".title", PLATFORM + name + ".detail", args);
    }

    /**
     * "Invalid input" (400, {@code invalid-input}) for the platform's own checks: the detail
     * {@value #PLATFORM}{@code <detail>} with {@code args}, each field's message a key of the platform's texts.
     */
    public static ProblemException invalid(Fields fields, String detail, Object... args) {
        return new ProblemException(Problem.said(ProblemException::platformTexts, 400, "invalid-input", PLATFORM + "invalidInput.title",
                w -> w.text(PLATFORM + detail, args), fields::in));
    }

    public static ProblemException forbidden() {
        return new ProblemException(platform(403, "forbidden", "forbidden"));
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(platform(401, "unauthenticated", "unauthenticated"));
    }
}
