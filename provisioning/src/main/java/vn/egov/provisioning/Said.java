package vn.egov.provisioning;

import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import vn.egov.platform.words.Words;

/**
 * What the operator's tool says, by key of its bundle ({@value #BUNDLE}, {@code messages_vi}), filled by the platform's
 * {@link Words} (the same placeholders as the server's texts). The tool speaks Vietnamese, and only Vietnamese: its
 * messages, its progress lines and its help ({@link Help}).
 */
final class Said {
    static final String BUNDLE = "vn.egov.provisioning.messages";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Words VIETNAMESE = Words.of(VI, BUNDLE);

    private Said() {
    }

    /** The (Vietnamese) text of {@code key}, {@code {0}}, {@code {1}}… filled with {@code args}. */
    static String text(String key, Object... args) {
        return VIETNAMESE.text(key, args);
    }

    /** The bundle itself, loaded as {@link Words} loads it: the Vietnamese file, whatever the JVM's default locale. */
    static ResourceBundle bundle() {
        return Words.bundle(BUNDLE, VI);
    }

    /**
     * Gives a command and all its subcommands the tool's bundle for their help (picocli's model transformer of
     * {@code egov}): the descriptions are found by the keys picocli derives, qualified by the command's name
     * ({@code egov.add-user.usage.description}, {@code egov.add-user.unit}) or given as {@code descriptionKey}; the
     * usage's headings are {@code usage.*}, the standard help options' {@code mixinStandardHelpOptions.*}.
     */
    static final class Help implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.resourceBundle(bundle());
            spec.subcommands().values().forEach(sub -> transform(sub.getCommandSpec()));
            return spec;
        }
    }
}
