package newslens.entities.eval;

import newslens.entities.rules.EntityRecognizer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gold readers of {@link NerEvaluation} on small files written for this test. */
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

        NerEvaluator.Report report = NerCorpus.jsonl(dir, dir.resolve("gold.jsonl")).scoreRules(
                EntityRecognizer.standard());
        assertEquals(new NerEvaluator.Scores("LOC", 1, 0, 0), report.byType().get("LOC"));
        assertEquals(new NerEvaluator.Scores("PER", 0, 1, 0), report.byType().get("PER"));
    }

    private static List<String> surfaces(NerEvaluation.GoldArticle article) {
        return article.gold().stream()
                .map(s -> article.text().substring(s.start(), s.end()) + "/" + s.type()).toList();
    }
}
