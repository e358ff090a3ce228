package newslens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import newslens.SparkTestSession;
import newslens.entities.eval.NerCorpus;
import newslens.entities.eval.NerEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NerPipelineScoring} on two small annotated files written here, one of them in a subfolder. */
class NerPipelineScoringTest {

    @TempDir
    Path dir;

    @Test
    void filesInSubfoldersAreFoundByTheDocIdIngestGivesThem() throws Exception {
        Path docs = dir.resolve("docs");
        Files.createDirectories(docs.resolve("thang-9"));
        String first = "Ông Lê Văn Bình thăm Đà Nẵng\nChiều qua, ông Bình đến Hội An.\n";
        String second = "Mưa lớn ở Huế\nNhiều tuyến phố ở Huế ngập sâu.\n";
        Files.writeString(docs.resolve("a.txt"), first, StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("thang-9/a.txt"), second, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("gold.jsonl"),
                gold("a.txt", first, "Đà Nẵng", "LOC") + gold("thang-9/a.txt", second, "Huế", "LOC"),
                StandardCharsets.UTF_8);

        NerEvaluation.PipelineScore score = NerPipelineScoring.score(SparkTestSession.get(),
                NerCorpus.jsonl(docs, dir.resolve("gold.jsonl")), JobConfig.load(null), null, dir.resolve("work"));

        assertEquals(0, score.notWritten(), "both files are articles of the run");
        assertEquals(2, score.report().byType().get("LOC").truePositives(), score.format());
    }

    private static String gold(String file, String text, String surface, String type) {
        int start = text.indexOf(surface);
        return "{\"file\": \"" + file + "\", \"entities\": [{\"start\": " + start + ", \"end\": "
                + (start + surface.length()) + ", \"type\": \"" + type + "\", \"depth\": 0}]}\n";
    }
}
