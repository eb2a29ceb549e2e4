package vn.egov.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nu.validator.messages.GnuMessageEmitter;
import nu.validator.messages.MessageEmitterAdapter;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The Nu Html Checker (the W3C's HTML checker, run in this JVM): what it says of one HTML document, as its command line
 * ({@code vnu}) would, with its schema for HTML (html5-all, RDFa included) and its CSS check of style elements and
 * attributes. Nothing it says is ignored: its errors are errors, and its warnings and notes are warnings.
 */
final class HtmlChecker {
    private static SimpleDocumentValidator validator;

    private HtmlChecker() {
    }

    /** What the checker said of one document: its errors (errors and fatal errors), and its warnings and notes. */
    record Report(String name, int errors, int warnings, List<String> messages) {
        boolean passed() {
            return errors == 0;
        }

        /** The messages, one a line, each with the document's name and where it is (line.column). */
        String text() {
            return String.join("\n", messages);
        }
    }

    /**
     * Checks a document as text/html served as UTF-8 (a browser's view of the response); {@code name} (its address)
     * is what the messages say it is. The checker is one for the JVM and checks one document at a time.
     */
    static synchronized Report check(String name, String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageEmitterAdapter said;
        String stopped = null;
        try {
            if (validator == null) {
                // its log (log4j) only for its own trouble; no guessing of the text's language (which only ever gives
                // a warning)
                org.apache.log4j.Logger log = org.apache.log4j.Logger.getRootLogger();
                log.setLevel(org.apache.log4j.Level.WARN);
                log.addAppender(new org.apache.log4j.ConsoleAppender(new org.apache.log4j.PatternLayout("%p %c: %m%n")));
                SimpleDocumentValidator v = new SimpleDocumentValidator(false, false, false);
                v.setAllowCss(true);
                v.setUpMainSchema("http://s.validator.nu/html5-all.rnc", new nu.validator.xml.SystemErrErrorHandler());
                validator = v;
            }
            said = new MessageEmitterAdapter(null, validator.getSourceCode(), false, null, 0, true, new GnuMessageEmitter(out, false));
            said.setHtml(true); // its messages name elements as of HTML, not XHTML
            validator.setUpValidatorAndParsers(said, true, false);
            said.start(name);
            try {
                validator.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
            } catch (SAXException fatal) {
                // a fatal error (or too many messages) stops the checker once it has said so: never a pass
                stopped = "\"" + name + "\": the checker stopped: " + fatal.getMessage();
            }
            said.end("", "", "");
        } catch (Exception e) {
            throw new IllegalStateException("the HTML checker could not check " + name + ": " + e, e);
        }
        List<String> lines = new java.util.ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
        int errors = said.getErrors() + said.getFatalErrors();
        if (stopped != null) {
            lines.add(stopped);
            errors = Math.max(1, errors);
        }
        return new Report(name, errors, said.getWarnings(), List.copyOf(lines));
    }

    /**
     * Checks an HTML answer a test read without a browser (the API client, a form session), with the documents its
     * frames have inline, and fails the test on the checker's first error: the same rule as for the pages a browser
     * is served (ServedHtml). Answers that are not HTML pass untouched, and so do redirections, whose body no browser
     * shows (the container writes one of its own with a redirect).
     */
    static void served(String name, int status, String contentType, String body) {
        if (status / 100 == 3 || contentType == null || !contentType.startsWith("text/html") || body == null || body.isEmpty()) {
            return;
        }
        List<String> documents = new java.util.ArrayList<>(List.of(body));
        documents.addAll(inlineFrames(body));
        for (int i = 0; i < documents.size(); i++) {
            Report report = check(i == 0 ? name : name + ", its frame " + i + " (srcdoc)", documents.get(i));
            if (!report.passed()) {
                throw new AssertionError("the HTML checker found errors in " + report.name() + ":\n" + report.text());
            }
        }
    }

    /**
     * The documents a page gives its frames inline (an iframe's srcdoc, such as the theme's preview), which the
     * checker takes for an attribute's text: each is to be checked as a document of its own.
     */
    static List<String> inlineFrames(String html) {
        List<String> documents = new java.util.ArrayList<>();
        nu.validator.htmlparser.sax.HtmlParser parser = new nu.validator.htmlparser.sax.HtmlParser(
                nu.validator.htmlparser.common.XmlViolationPolicy.ALLOW);
        parser.setContentHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) {
                if ("iframe".equals(localName) && attributes.getValue("srcdoc") != null) {
                    documents.add(attributes.getValue("srcdoc"));
                }
            }
        });
        try {
            parser.parse(new InputSource(new java.io.StringReader(html)));
        } catch (java.io.IOException | SAXException e) {
            throw new IllegalStateException("the page could not be read for its frames: " + e, e);
        }
        return documents;
    }
}
