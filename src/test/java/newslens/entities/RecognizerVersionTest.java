package newslens.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognizerVersionTest {

    @TempDir
    Path tmp;

    @Test
    void sameInputsSameFingerprintAndAnyKnowledgeChangeGivesAnother() throws IOException {
        String shipped = RecognizerVersion.of(List.of(), List.of());
        assertEquals(shipped, RecognizerVersion.of(List.of(), List.of()), "stable from one call to the next");
        assertEquals(16, shipped.length());

        Path userKb = tmp.resolve("extra.json");
        Files.writeString(userKb, "{\"entities\": [{\"id\": \"org:hop_tac_xa_a\", \"type\": \"ORG\", \"name\": \"Hợp tác xã A\"}]}");
        String withUserKb = RecognizerVersion.of(List.of(userKb), List.of());
        assertNotEquals(shipped, withUserKb, "a user knowledge-base file changes the recogniser");
        Files.writeString(userKb, "{\"entities\": [{\"id\": \"org:hop_tac_xa_b\", \"type\": \"ORG\", \"name\": \"Hợp tác xã B\"}]}");
        assertNotEquals(withUserKb, RecognizerVersion.of(List.of(userKb), List.of()), "so does editing it");
        assertNotEquals(shipped, RecognizerVersion.of(List.of(), List.of("model 2026-11-23")), "and a learned model");
    }
}
