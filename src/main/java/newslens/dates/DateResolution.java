package newslens.dates;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A publication date and where it came from.
 *
 * @param date       null when unknown
 * @param source     one of the {@code PublicationDateResolver.SOURCE_*} names, null when unknown
 * @param confidence 0..1, see the {@code PublicationDateResolver} constants
 */
public record DateResolution(LocalDate date, String source, double confidence) implements Serializable {

    public static final DateResolution UNKNOWN = new DateResolution(null, null, 0.0);
}
