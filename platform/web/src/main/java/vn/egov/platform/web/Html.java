package vn.egov.platform.web;

/** The bare minimum for server-rendered pages until the portal module brings its templates. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code s} as a JavaScript string literal that is safe inside a {@code <script>} element. */
    public static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
    }

    /** A whole page: language, title, skip link, a main landmark around {@code body}. */
    public static String page(String lang, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
                header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
                header{border-bottom:3px solid #b00020}
                a{color:#0b4f8a} a:focus{outline:3px solid #ffbf47}
                .skip{position:absolute;left:-999px} .skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
                .error{color:#8a0000;border:1px solid #8a0000;padding:.5rem}
                label{display:block;margin-top:.5rem} input{font-size:1rem;padding:.3rem}
                </style>
                </head>
                <body>
                <a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>
                <main id="main">
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(lang), escape(title), body);
    }
}
