package newslens.dates;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an article offers to date it. Every field may be null.
 *
 * @param publishedAt     the metadata's ISO date or date-time
 * @param headerTimestamp a header line as found by {@link HeaderTimestamp#find}, e.g. {@code 09:11 | 24/10/2018}
 * @param title           the title; when {@code text} starts with it, the lead is what follows it
 * @param defaultDate     the run's {@code --default-date}, the last resort
 */
public record DateEvidence(String publishedAt, String headerTimestamp, String url, String title, String text,
                           LocalDate defaultDate) implements Serializable {
}
