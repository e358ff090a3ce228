package newslens.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Renders the dashboard: one self-contained HTML page (template, style and script are resources
 * under {@code newslens/dashboard/}) with the data inline as JSON. It opens from the file system
 * and loads nothing at view time.
 *
 * <p>The data is untrusted text. It sits in a {@code <script type="application/json">} element
 * with {@code <}, {@code >}, {@code &}, U+2028 and U+2029 written as JSON escapes, so no value can
 * close the element; the script builds the DOM with {@code textContent} only. A Content Security
 * Policy allows just the page's own script and style (by hash), so even injected markup could not
 * run code or load anything.
 */
public final class DashboardPage {
    private static final String RESOURCES = "newslens/dashboard/";

    private final String template;
    private final String style;
    private final String script;
    private final ObjectMapper json = new ObjectMapper();

    public DashboardPage() {
        template = resource("page.html");
        style = resource("dashboard.css");
        script = resource("dashboard.js");
    }

    public String render(DashboardData data) {
        String csp = "default-src 'none'; script-src '" + sha256(script) + "'; style-src '" + sha256(style)
                + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
        // The data goes in last, so nothing in it is ever taken for a placeholder.
        return template
                .replace("{{csp}}", csp)
                .replace("{{style}}", style)
                .replace("{{script}}", script)
                .replace("{{data}}", scriptSafeJson(data));
    }

    /** The data as JSON that is safe inside a script element. */
    String scriptSafeJson(DashboardData data) {
        try {
            return escapeForScriptElement(json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the dashboard data as JSON", e);
        }
    }

    /**
     * In JSON text these characters can only occur inside strings, where the {@code \\uXXXX}
     * escape means the same character: the JSON is unchanged, but HTML's parser sees no tag.
     */
    static String escapeForScriptElement(String jsonText) {
        StringBuilder out = new StringBuilder(jsonText.length() + 64);
        for (int i = 0; i < jsonText.length(); i++) {
            char c = jsonText.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A CSP source expression for an inline element's exact text. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read resource " + RESOURCES + name, e);
        }
    }
}
