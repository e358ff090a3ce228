package newslens.tools.generate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One synthetic article. {@link #body()} is the text ingest keeps (paragraphs joined by one line
 * break) and the planted mentions point into it; the files also carry the title, a header timestamp, a
 * photo credit line ({@code Ảnh: TTXVN}) and sometimes a {@code Nguồn:} line, which ingest moves out of the body.
 */
record GeneratedArticle(String docId, String source, LocalDate date, LocalTime time, String topic, String title,
                        List<String> paragraphs, String caption, String sourceLine,
                        List<PlantedMention> mentions) {

    private static final DateTimeFormatter HEADER = DateTimeFormatter.ofPattern("HH:mm '|' dd/MM/yyyy");

    String body() {
        return String.join("\n", paragraphs);
    }

    /** The {@code .txt} form: title, blank line, header, then paragraphs separated by blank lines. */
    String asTextFile() {
        StringBuilder out = new StringBuilder(4096);
        out.append(title).append("\n\n").append(HEADER.format(date.atTime(time))).append("\n\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            out.append(paragraphs.get(i)).append("\n\n");
            if (i == 0) {
                out.append(caption).append("\n\n");
            }
        }
        if (sourceLine != null) {
            out.append(sourceLine).append('\n');
        }
        return out.toString();
    }

    /** The {@code text} of a JSON Lines record: like the file, with single line breaks. */
    String asJsonText() {
        StringBuilder out = new StringBuilder(4096);
        out.append(title).append('\n');
        for (int i = 0; i < paragraphs.size(); i++) {
            out.append(paragraphs.get(i)).append('\n');
            if (i == 0) {
                out.append(caption).append('\n');
            }
        }
        if (sourceLine != null) {
            out.append(sourceLine).append('\n');
        }
        return out.toString();
    }

    String publishedAt() {
        return date.atTime(time) + ":00+07:00";
    }
}
