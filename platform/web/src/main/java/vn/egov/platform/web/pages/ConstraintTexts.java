package vn.egov.platform.web.pages;

import jakarta.validation.ConstraintViolation;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a Bean Validation message in a request's language. A constraint names its message by key,
 * {@code @NotBlank(message = "{settings.displayName.required}")}, and the key is looked up in the module's
 * {@value #BUNDLE} bundle ({@code validation_vi.properties} / {@code validation_en.properties}), found next to the
 * constrained class or in a package above it (a module keeps one, at its root package), then in the platform's
 * messages. So the API's problems and the forms' messages come in the caller's language, the pseudo-language
 * included, and a language is added by adding files.
 * <p>
 * A constraint without a key of ours (a default message of the validator) reads "Giá trị không hợp lệ." in
 * Vietnamese and the validator's own English text otherwise.
 */
public final class ConstraintTexts {
    static final String BUNDLE = "validation";
    private static final Pattern KEY = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    private static final ConcurrentHashMap<String, Optional<String>> BUNDLES = new ConcurrentHashMap<>();

    private ConstraintTexts() {
    }

    /** The violation's message in {@code locale}. */
    public static String text(ConstraintViolation<?> v, Locale locale) {
        Matcher m = KEY.matcher(v.getMessageTemplate() == null ? "" : v.getMessageTemplate());
        if (m.matches() && !m.group(1).startsWith("jakarta.") && !m.group(1).startsWith("org.hibernate.")) {
            Class<?> owner = v.getLeafBean() != null ? v.getLeafBean().getClass() : v.getRootBeanClass();
            Optional<String> bundle = owner == null ? Optional.empty() : bundleOf(owner);
            Messages texts = bundle.map(b -> Messages.of(locale, b)).orElseGet(() -> Messages.of(locale));
            if (texts.has(m.group(1))) {
                return texts.text(m.group(1));
            }
        }
        Messages texts = Messages.of(locale);
        return "vi".equals(locale.getLanguage()) ? texts.text("validation.invalid")
                : texts.text("validation.invalidBecause", v.getMessage());
    }

    /** The nearest {@value #BUNDLE} bundle at or above the class's package. */
    static Optional<String> bundleOf(Class<?> owner) {
        String pkg = owner.getPackageName();
        return BUNDLES.computeIfAbsent(pkg, p -> {
            for (String at = p; !at.isEmpty(); at = at.contains(".") ? at.substring(0, at.lastIndexOf('.')) : "") {
                String name = at + "." + BUNDLE;
                try {
                    ResourceBundle.getBundle(name, Locales.VIETNAMESE, owner.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                    return Optional.of(name);
                } catch (MissingResourceException none) {
                    // not here: look one package up
                }
            }
            return Optional.empty();
        });
    }
}
