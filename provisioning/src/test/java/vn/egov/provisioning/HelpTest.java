package vn.egov.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The tool's help is Vietnamese, from its bundle, for every command and option, whatever the JVM's default locale. */
class HelpTest {
    /** A letter only Vietnamese writes (of those the descriptions use). */
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", Pattern.CASE_INSENSITIVE);

    /** Every command, by its full name, with a phrase of its description. */
    private static final Map<String, String> PHRASES = Map.of(
            "egov", "Chạy nền tảng chính quyền điện tử của tỉnh trên máy này.",
            "egov up", "Khởi động (hoặc kiểm tra) PostgreSQL, chạy migration, nạp các đơn vị tham chiếu",
            "egov stop", "Dừng những gì lệnh up đã khởi động",
            "egov add-user", "Thêm một người dùng vào một đơn vị",
            "egov import-units", "Tạo các đơn vị từ một tệp CSV theo định dạng GSO",
            "egov reorganise", "áp dụng một kế hoạch sắp xếp lại đơn vị",
            "egov search", "Lập chỉ mục lại một đơn vị hoặc cả cây đơn vị",
            "egov search reindex", "Đọc lại mọi mục tìm kiếm được của đơn vị",
            "egov search check", "So sánh số mục của từng đơn vị trong cơ sở dữ liệu và trong chỉ mục",
            "egov add-province", "Tạo một tỉnh mới (một gốc của cây đơn vị)");

    @Test
    void everyCommandsUsageIsVietnameseWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.US, Locale.GERMANY, Locale.forLanguageTag("vi-VN"), Locale.ROOT)) {
                Locale.setDefault(locale);
                Map<String, String> usages = new TreeMap<>();
                each(new CommandLine(new Egov()), (cli, spec) -> usages.put(spec.qualifiedName(),
                        cli.getUsageMessage(CommandLine.Help.Ansi.OFF)));
                assertEquals(new TreeMap<>(PHRASES).keySet(), usages.keySet(), "every command is known here");
                usages.forEach((name, usage) -> {
                    String said = locale + ", " + name + ":\n" + usage;
                    String flat = usage.replaceAll("\\s+", " "); // the lines as wrapped at 80 columns, joined again
                    assertTrue(flat.startsWith("Cách dùng: " + name + " "), said);
                    assertTrue(flat.contains(PHRASES.get(name)), said);
                    assertFalse(usage.contains("Usage:") || usage.contains("Commands:") || usage.contains("Show this help"), said);
                    assertFalse(usage.contains("??") || usage.contains("${") || usage.contains("null"), said);
                    assertTrue(Normalizer.isNormalized(usage, Normalizer.Form.NFC), said);
                });
                assertTrue(usages.get("egov").contains("Các lệnh:"), usages.get("egov"));
                assertTrue(usages.get("egov import-units").replaceAll("\\s+", " ")
                        .contains("địa chỉ của nền tảng (mặc định http://localhost:8080)"), usages.get("egov import-units"));
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyDescriptionComesFromTheBundleInVietnamese() {
        ResourceBundle bundle = Said.bundle();
        each(new CommandLine(new Egov()), (cli, spec) -> {
            assertTrue(bundle.containsKey(spec.qualifiedName(".") + ".usage.description"), spec.qualifiedName());
            assertVietnamese(spec.qualifiedName(), spec.usageMessage().description());
            for (OptionSpec option : spec.options()) {
                String what = spec.qualifiedName() + " " + option.longestName();
                assertTrue(bundle.containsKey(key(spec, option)), what + ": " + key(spec, option));
                assertVietnamese(what, option.description());
            }
            for (ArgSpec positional : spec.positionalParameters()) {
                assertVietnamese(spec.qualifiedName() + " " + positional.paramLabel(), positional.description());
            }
        });
    }

    @Test
    void aCommandLineItCannotReadIsRefusedInVietnamese() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new Egov()).setErr(new java.io.PrintWriter(err, true))
                .setParameterExceptionHandler(Egov::refused);
        assertEquals(2, cli.execute("add-user", "--unit", "xa-quang-kim"));
        assertTrue(err.toString().startsWith("egov: thiếu tùy chọn bắt buộc: --username, --name, --role"), err.toString());
        assertTrue(err.toString().contains("Cách dùng: egov add-user"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, cli.execute("search", "check", "--unit", "lao-cai", "--user", "admin", "--bogus"));
        assertTrue(err.toString().startsWith("egov: không hiểu tùy chọn hoặc đối số: --bogus"), err.toString());
        assertTrue(err.toString().contains("Cách dùng: egov search check"), err.toString());
        assertFalse(err.toString().contains("Missing") || err.toString().contains("Unknown"), err.toString());
    }

    /** The key picocli finds the option's description by: its descriptionKey, or its name qualified by the command's. */
    private static String key(CommandSpec spec, OptionSpec option) {
        if (option.descriptionKey() != null && !option.descriptionKey().isEmpty()) {
            return option.descriptionKey();
        }
        return spec.qualifiedName(".") + "." + option.longestName().replaceFirst("^-+", "");
    }

    private static void assertVietnamese(String what, String[] description) {
        String text = String.join(" ", description);
        assertTrue(description.length > 0 && !text.isBlank(), what + ": no description");
        assertTrue(VIETNAMESE.matcher(text).find(), what + ": " + text);
        assertFalse(text.contains("??"), what + ": " + text);
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), what);
    }

    private static void each(CommandLine cli, BiConsumer<CommandLine, CommandSpec> check) {
        check.accept(cli, cli.getCommandSpec());
        cli.getSubcommands().values().forEach(sub -> each(sub, check));
    }
}
