package newslens.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import newslens.app.CommandLine;
import newslens.tools.bench.Benchmark;
import newslens.tools.generate.NearCopyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools' own options, {@code --copy-rate} and {@code --skip}: parsed apart from the job's, checked up front. */
class ToolsMainTest {

    @TempDir
    Path temp;

    @Test
    void toolOptionsAreSplitFromTheJobsOptions() {
        ToolsMain.Split split = ToolsMain.Split.of(new String[] {"generate", "--output", "out", "--copy-rate", "0.1",
            "--docs=20", "--skip=topics,peer"});
        assertArrayEquals(new String[] {"generate", "--output", "out", "--docs=20"}, split.common());
        assertEquals(Map.of("copy-rate", "0.1", "skip", "topics,peer"), split.tool());
        assertEquals("20", CommandLine.parse(split.common()).option("docs"));

        Map<String, String> noValue = ToolsMain.Split.of(new String[] {"bench", "--skip", "--input", "in"}).tool();
        assertTrue(noValue.containsKey("skip") && noValue.get("skip") == null);
        assertEquals("-0.5", ToolsMain.Split.of(new String[] {"generate", "--copy-rate", "-0.5"}).tool()
                .get("copy-rate"));
    }

    @Test
    void badCopyRatesAreRefusedNamingTheValueBeforeAnythingIsWritten() {
        Path out = temp.resolve("corpus");
        for (String bad : new String[] {"1.5", "1", "-0.1", "abc", "NaN", "Infinity"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> generate(out, "--copy-rate", bad));
            assertTrue(e.getMessage().contains("--copy-rate") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> generate(out, "--copy-rate"));
        assertEquals("--copy-rate needs a value", missing.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(0.25, ToolsMain.copyRate("0.25"));
        assertEquals(0.0, ToolsMain.copyRate(null));
    }

    @Test
    void generatePlantsCopiesOnlyWhenAskedTo() {
        assertEquals(0, generate(temp.resolve("plain"), "--docs", "40", "--format", "txt", "--days", "4"));
        assertFalse(Files.exists(temp.resolve("plain").resolve(NearCopyPlan.COPIES_FILE)));

        assertEquals(0, generate(temp.resolve("copies"), "--docs", "40", "--format", "txt", "--days", "4",
                "--copy-rate", "0.3"));
        Path copies = temp.resolve("copies").resolve(NearCopyPlan.COPIES_FILE);
        assertTrue(Files.isRegularFile(copies));
        assertFalse(NearCopyPlan.readTruth(copies).isEmpty());
    }

    @Test
    void skipNamesAreCheckedBeforeSparkStarts() {
        assertEquals(new Benchmark.Steps(false, true, true), Benchmark.Steps.skipping("topics"));
        assertEquals(new Benchmark.Steps(false, false, false), Benchmark.Steps.skipping("peer, nightly,topics"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bench("--skip", "topics,tpoics"));
        assertTrue(e.getMessage().contains("'tpoics'") && e.getMessage().contains("topics, peer, nightly"), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> bench("--skip", "topics,"));
        assertTrue(empty.getMessage().contains("no step ''"), empty.getMessage());
        assertEquals("--skip needs a value", assertThrows(IllegalArgumentException.class,
                () -> bench("--skip=")).getMessage());
    }

    @Test
    void eachToolOptionBelongsToItsTool() {
        assertEquals("--skip is an option of bench, not of generate", assertThrows(IllegalArgumentException.class,
                () -> generate(temp.resolve("c"), "--skip", "topics")).getMessage());
        assertEquals("--copy-rate is an option of generate, not of bench", assertThrows(
                IllegalArgumentException.class, () -> bench("--copy-rate", "0.1")).getMessage());
    }

    private int generate(Path out, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "generate";
        args[1] = "--output";
        args[2] = out.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return run(args);
    }

    private int bench(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "bench";
        args[1] = "--input";
        args[2] = temp.toString();
        args[3] = "--output";
        args[4] = temp.resolve("work").toString();
        System.arraycopy(options, 0, args, 5, options.length);
        return run(args);
    }

    private static int run(String[] args) {
        ToolsMain.Split split = ToolsMain.Split.of(args);
        return ToolsMain.run(CommandLine.parse(split.common()), split.tool());
    }
}
