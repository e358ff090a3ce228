package newslens.entities.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deterministic train / held-out split of annotated documents. */
class NerCorpusTest {

    @TempDir
    Path dir;

    @Test
    void heldOutAndTrainingPartsAreComplementaryAndStable() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lines.addAll(List.of("-DOCSTART- O", "", "Huế B-LOC", "số" + i + " O", ""));
        }
        Path conll = dir.resolve("train.conll");
        Files.write(conll, lines, StandardCharsets.UTF_8);
        NerCorpus corpus = NerCorpus.conll(conll);

        Set<String> heldOut = names(corpus.heldOut(20, 7));
        Set<String> training = names(corpus.withoutHeldOut(20, 7));
        assertEquals(400, heldOut.size() + training.size());
        assertTrue(heldOut.stream().noneMatch(training::contains));
        assertTrue(heldOut.size() > 50 && heldOut.size() < 110, "about 20%: " + heldOut.size());
        assertEquals(heldOut, names(NerCorpus.conll(conll).heldOut(20, 7)), "same split on every run");
        assertNotEquals(heldOut, names(corpus.heldOut(20, 8)), "another seed, another split");
        assertEquals(0, corpus.heldOut(0, 7).size());
        assertEquals(conll.toString(), corpus.source());
    }

    @Test
    void aDocumentsSideDoesNotDependOnTheOtherDocuments() {
        boolean alone = NerCorpus.isHeldOut("0001_54b67be55820a65d.txt", 50, 1);
        for (int i = 0; i < 5; i++) {
            assertEquals(alone, NerCorpus.isHeldOut("0001_54b67be55820a65d.txt", 50, 1));
        }
        assertFalse(NerCorpus.isHeldOut("any", 0, 1));
        assertTrue(NerCorpus.isHeldOut("any", 100, 1));
        assertThrows(IllegalArgumentException.class, () -> NerCorpus.isHeldOut("any", 101, 1));
    }

    private static Set<String> names(NerCorpus corpus) {
        return corpus.articles().stream().map(NerEvaluation.GoldArticle::name).collect(Collectors.toSet());
    }
}
