package newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = SentenceSplitter.standard();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void abbreviationsAndNumbersDoNotEndSentences() {
        String text = "PGS.TS. Lê An sống ở TP. HCM và TP.HCM. Ông V.Putin gặp Mr. Smith, ThS. Hà giữ 1.500 USD.";
        assertEquals(List.of("PGS.TS. Lê An sống ở TP. HCM và TP.HCM.",
                "Ông V.Putin gặp Mr. Smith, ThS. Hà giữ 1.500 USD."), sentences(text));
    }

    @Test
    void quotesEllipsesAndEndMarker() {
        String text = "Ông nói: “Tôi sẽ đi.” Sau đó… ông đi thật. Hết./.";
        assertEquals(List.of("Ông nói: “Tôi sẽ đi.”", "Sau đó… ông đi thật.", "Hết./."), sentences(text));
    }

    @Test
    void lineBreaksEndSentences() {
        assertEquals(List.of("Tiêu đề", "Nội dung bài."), sentences("Tiêu đề\n\nNội dung bài."));
    }
}
