package newslens.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * One article split into its parts, all in {@link newslens.text.TextNormalizer} canonical form.
 *
 * @param title           the headline; empty only when the input had no content at all
 * @param body            the content paragraphs joined by a single {@code \n}, without the title and without
 *                        boilerplate; empty when nothing but boilerplate was left (reject it as
 *                        {@link RejectReason#NO_CONTENT})
 * @param url             the article's address, or {@code null} when neither given nor found in the text
 * @param source          the publisher or agency (e.g. {@code dangcongsan.vn}, {@code Reuters}), or {@code null}
 * @param headerTimestamp the header date line exactly as written (e.g. {@code 09:11 | 24/10/2018}), or
 *                        {@code null}; interpreting it is the dates stage's job
 * @param author          the byline or initials that closed the article, as written (e.g. {@code Minh Khang},
 *                        {@code T.Lâm}), taken out of the body; {@code null} when it ended without one
 */
public record ParsedArticle(String title, String body, String url, String source, String headerTimestamp,
                            String author)
        implements Serializable {

    public ParsedArticle {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
