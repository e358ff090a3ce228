package newslens.entities.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import newslens.ingest.ArticleParser;
import newslens.ingest.ParsedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gold readers and the scoring of written tables of {@link NerEvaluation}, on small texts written for this test. */
class NerEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void conllTagsBecomeSpansOfTheRebuiltText() {
        List<NerEvaluation.GoldArticle> articles = NerEvaluation.parseConll(List.of(
                "-DOCSTART- O", "",
                "Ông N B-PER", "Nguyễn_Văn_An N I-PER", "đến V O", "Hà N B-LOC", "Nội N I-LOC", ". CH O", "",
                "Bộ N B-ORG", "Y_tế N I-ORG", "họp V O", "",
                "-DOCSTART- O", "",
                "Huế N B-LOC", "Đà_Nẵng N B-LOC"));
        assertEquals(2, articles.size());
        NerEvaluation.GoldArticle first = articles.get(0);
        assertEquals("Ông Nguyễn Văn An đến Hà Nội .\nBộ Y tế họp\n", first.text());
        assertEquals(List.of("Ông Nguyễn Văn An/PER", "Hà Nội/LOC", "Bộ Y tế/ORG"), surfaces(first));
        assertEquals(List.of("Huế/LOC", "Đà Nẵng/LOC"), surfaces(articles.get(1)));
    }

    @Test
    void decomposedArticlesAreScoredInNfcWithGoldOffsetsMapped() throws Exception {
        String raw = Normalizer.normalize("Ông Nguyễn Văn An ở Hà Nội.", Normalizer.Form.NFD);
        int start = raw.indexOf("H");
        Files.writeString(dir.resolve("a.txt"), raw, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("gold.jsonl"), "{\"file\": \"a.txt\", \"entities\": [{\"start\": " + start
                + ", \"end\": " + (raw.length() - 1) + ", \"type\": \"LOC\", \"depth\": 0}, {\"start\": " + start
                + ", \"end\": " + (raw.length() - 1) + ", \"type\": \"LOC\", \"depth\": 1}]}\n",
                StandardCharsets.UTF_8);
        List<NerEvaluation.GoldArticle> articles = NerEvaluation.readJsonl(dir, dir.resolve("gold.jsonl"));
        assertEquals("Ông Nguyễn Văn An ở Hà Nội.", articles.get(0).text());
        assertEquals(List.of("Hà Nội/LOC"), surfaces(articles.get(0)));

    }

    @Test
    void whatThePipelineWroteIsTracedBackToTheFileAndScored() {
        String file = "Ông Lê Văn Bình thăm Đà Nẵng\n\nChiều  qua,\u00A0ông Bình đến Hội An.\nẢnh: Minh Hà\n"
                + "Người dân Quảng Nam đón ông từ sáng sớm, nhiều gia đình mang theo hoa và bánh, các em nhỏ đứng hai bên đường vẫy cờ, còn những người lớn tuổi kể lại chuyện cũ của làng trong suốt buổi chiều hôm ấy (Ảnh: Thu Lan).\n";
        List<NerEvaluator.Span> gold = List.of(span(file, "Lê Văn Bình", "PER", 0), span(file, "Đà Nẵng", "LOC", 0),
                span(file, "Bình", "PER", file.indexOf("ông Bình")), span(file, "Hội An", "LOC", 0),
                span(file, "Minh Hà", "PER", 0), span(file, "Quảng Nam", "LOC", 0));
        String title = "Ông Lê Văn Bình thăm Đà Nẵng";
        String text = "Chiều qua, ông Bình đến Hội An.\nNgười dân Quảng Nam đón ông từ sáng sớm, nhiều gia đình mang theo hoa và bánh, các em nhỏ đứng hai bên đường vẫy cờ, còn những người lớn tuổi kể lại chuyện cũ của làng trong suốt buổi chiều hôm ấy.";
        ParsedArticle ingested = ArticleParser.parse(file);
        assertEquals(List.of(title, text), List.of(ingested.title(), ingested.body()), "what ingest writes of the file");
        List<NerEvaluation.WrittenMention> mentions = List.of(
                written("title", title, "Lê Văn Bình", "PER"), written("title", title, "Đà Nẵng", "LOC"),
                written("text", text, "Bình", "PER"), written("text", text, "Hội An", "LOC"),
                written("text", text, "Quảng Nam", "ORG"),
                new NerEvaluation.WrittenMention("text", text.length() - 1, text.length(), "LOC"));

        NerEvaluation.PipelineScore score = NerEvaluation.scoreWritten(
                List.of(new NerEvaluation.GoldArticle("a.txt", file, gold), new NerEvaluation.GoldArticle("b.txt",
                        "Hà Nội", List.of(new NerEvaluator.Span(0, 6, "LOC")))),
                Map.of("a.txt", new NerEvaluation.WrittenArticle(title, text, mentions)));

        assertEquals(new NerEvaluator.Scores("PER", 2, 0, 1), score.report().byType().get("PER"),
                "the caption's name was dropped by ingest: missed");
        assertEquals(new NerEvaluator.Scores("LOC", 2, 1, 2), score.report().byType().get("LOC"),
                "Quảng Nam typed wrong, the other article not written, the period after the cut credit not traced");
        assertEquals(1, score.unplacedMentions());
        assertEquals(1, score.notWritten());
        assertEquals(1, score.goldOutsideFields(), "the caption's name");
        assertEquals(new NerEvaluator.Scores("micro", 4, 1, 1), score.microInFields(),
                "on title and text alone: the caption's name and the unwritten article left out");
        assertEquals(List.of("a.txt missed Minh Hà", "a.txt type Quảng Nam", "b.txt missed Hà Nội"),
                score.errors().stream().map(e -> e.article() + " " + e.kind() + " " + e.goldSurface()).sorted().toList(),
                "the untraced period overlaps no gold span and is not a span error of its own");
    }

    private static NerEvaluator.Span span(String text, String surface, String type, int from) {
        int start = text.indexOf(surface, from);
        return new NerEvaluator.Span(start, start + surface.length(), type);
    }

    private static NerEvaluation.WrittenMention written(String field, String fieldText, String surface, String type) {
        int start = fieldText.indexOf(surface);
        return new NerEvaluation.WrittenMention(field, start, start + surface.length(), type);
    }

    private static List<String> surfaces(NerEvaluation.GoldArticle article) {
        return article.gold().stream()
                .map(s -> article.text().substring(s.start(), s.end()) + "/" + s.type()).toList();
    }
}
