package newslens.dates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Vietnamese vocabulary of dates and times, read from {@code newslens/dates/lexicon.json}.
 * The parser's grammar lives in Java; every word it looks for lives here.
 */
@JsonIgnoreProperties("_comment")
public record DateLexicon(
        List<String> dayWords,
        String monthWord,
        String yearWord,
        String quarterWord,
        List<String> hourWords,
        List<String> minuteWords,
        String weekdayWord,
        Map<String, String> partsOfDay,
        Map<String, String> relativeDays,
        Map<String, String> relativeDaysAfterPartOfDay,
        Map<String, DayOfWeek> weekdayNames,
        List<String> sundayNames,
        List<String> nextWeekFollowers,
        List<String> weakDateContext,
        List<String> dateConjunctions,
        List<String> dashedDateFollowers,
        List<String> timeIntroducers,
        List<String> numberCues,
        List<String> quantityFollowers,
        List<String> backReferenceCues,
        List<String> planCues,
        List<String> targetCues) implements Serializable {

    public static final String RESOURCE = "newslens/dates/lexicon.json";

    public DateLexicon {
        dayWords = List.copyOf(dayWords);
        hourWords = List.copyOf(hourWords);
        minuteWords = List.copyOf(minuteWords);
        partsOfDay = Map.copyOf(partsOfDay);
        relativeDays = Map.copyOf(relativeDays);
        relativeDaysAfterPartOfDay = Map.copyOf(relativeDaysAfterPartOfDay);
        weekdayNames = Map.copyOf(weekdayNames);
        sundayNames = List.copyOf(sundayNames);
        nextWeekFollowers = List.copyOf(nextWeekFollowers);
        weakDateContext = List.copyOf(weakDateContext);
        dateConjunctions = List.copyOf(dateConjunctions);
        dashedDateFollowers = List.copyOf(dashedDateFollowers);
        timeIntroducers = List.copyOf(timeIntroducers);
        numberCues = List.copyOf(numberCues);
        quantityFollowers = List.copyOf(quantityFollowers);
        backReferenceCues = List.copyOf(backReferenceCues);
        planCues = List.copyOf(planCues);
        targetCues = List.copyOf(targetCues);
        Set<String> known = TemporalMention.RELATIVE_DAY_OFFSETS.keySet();
        for (String name : relativeDays.values()) requireKnownRelative(known, name);
        for (String name : relativeDaysAfterPartOfDay.values()) requireKnownRelative(known, name);
    }

    private static void requireKnownRelative(Set<String> known, String name) {
        if (!known.contains(name)) {
            throw new IllegalArgumentException("Unknown relative day '" + name + "' in " + RESOURCE);
        }
    }

    /** The lexicon shipped with the project. */
    public static DateLexicon standard() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        try (InputStream in = DateLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("Missing resource " + RESOURCE);
            return mapper.readValue(in, DateLexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
