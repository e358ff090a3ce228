package newslens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void parsesBothOptionForms() {
        CommandLine cli = CommandLine.parse(new String[] {"run", "--input", "in", "--output=out"});
        assertEquals("run", cli.command());
        assertEquals("in", cli.option("input"));
        assertEquals("out", cli.option("output"));
    }

    @Test
    void unknownOrIncompleteOptionsNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"run", "--inptu", "x"})).getMessage().contains("--inptu"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"run", "--input"})).getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"run"}).required("input", "x")).getMessage()
                .contains("--input"));
    }

    @Test
    void defaultsComeFromTheEmbeddedConfig() {
        JobConfig config = JobConfig.load(null);
        assertEquals(10L * 1024 * 1024, config.ingest().maxFileBytes());
        assertTrue(config.ingest().extensions().contains("jsonl"));
        assertEquals(null, config.dates().defaultLocalDate());
    }

    @Test
    void userConfigOverridesKeyByKeyAndRejectsUnknownKeys() throws IOException {
        Path file = tmp.resolve("c.json");
        Files.writeString(file, "{\"ingest\": {\"maxFileBytes\": 2048}, \"dates\": {\"defaultDate\": \"2024-10-31\"}}");
        JobConfig config = JobConfig.load(file);
        assertEquals(2048, config.ingest().maxFileBytes());
        assertEquals(64, config.ingest().listingFanOut(), "untouched keys keep their defaults");
        assertEquals(java.time.LocalDate.of(2024, 10, 31), config.dates().defaultLocalDate());

        Files.writeString(file, "{\"ingest\": {\"maxFileByte\": 2048}}");
        String message = assertThrows(IllegalArgumentException.class, () -> JobConfig.load(file)).getMessage();
        assertTrue(message.contains("maxFileByte"), message);

        Files.writeString(file, "{\"dates\": {\"defaultDate\": \"31/10/2024\"}}");
        message = assertThrows(IllegalArgumentException.class, () -> JobConfig.load(file)).getMessage();
        assertTrue(message.contains("31/10/2024"), message);
    }
}
