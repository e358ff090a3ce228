package newslens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import newslens.text.Tokenizer;
import newslens.text.WordSegmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aLineKeepsItsTextWithTheSyllablesOfEachWordJoined() {
        WordSegmenter segmenter = new WordSegmenter(Tokenizer.standard(), List.of("bệnh viện", "bệnh nhân"));
        assertEquals("Bệnh_viện tiếp nhận  bệnh_nhân, hôm qua.",
                SegmentCommands.joinWords("Bệnh viện tiếp nhận  bệnh nhân, hôm qua.", segmenter));
    }

    @Test
    void segmentWritesEveryLineAndEvalSegmentReadsTheSameConvention() throws Exception {
        Path input = dir.resolve("in.txt");
        Path output = dir.resolve("out.txt");
        Files.writeString(input, "Bệnh viện tiếp nhận bệnh nhân\n\nChính phủ họp\n", StandardCharsets.UTF_8);
        int status = SegmentCommands.segment(new CommandLine("segment",
                Map.of("input", input.toString(), "output", output.toString())));
        assertEquals(0, status);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(List.of("Bệnh_viện tiếp_nhận bệnh_nhân", "", "Chính_phủ họp"), lines);
        assertEquals(0, SegmentCommands.evaluate(new CommandLine("eval-segment", Map.of("gold", output.toString()))));
    }

    @Test
    void segmentNeverWritesOverItsInput() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "Chính phủ họp\n", StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> SegmentCommands.segment(new CommandLine("segment",
                Map.of("input", input.toString(), "output", dir.resolve(".").resolve("in.txt").toString()))));
        assertEquals("Chính phủ họp\n", Files.readString(input, StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentCommands.evaluate(
                new CommandLine("eval-segment", Map.of("gold", dir.resolve("none.txt").toString()))));
        assertTrue(e.getMessage().contains("none.txt"), e.getMessage());
    }
}
