package newslens.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * An input that produced no article.
 *
 * @param reason the category, stored by its {@link RejectReason#code()}
 * @param detail a short sentence naming the problem, e.g. {@code "invalid UTF-8 byte 0xE9 at offset 17"}
 */
public record Rejection(RejectReason reason, String detail) implements Serializable {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
