package newslens.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import newslens.TestData;
import newslens.app.MainRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does after the README's run command: the dashboard page, then both notebooks
 * executed headless over the sample run's tables. Skipped (with the reason) where Jupyter is not
 * installed; CI installs it from notebooks/requirements.txt.
 */
class SampleRunNotebooksIT {

    @TempDir
    Path tmp;

    @Test
    void dashboardAndNotebooksWorkOnTheSampleRun() throws Exception {
        Assumptions.assumeTrue(onPath("jupyter"),
                "jupyter is not installed: pip install -r notebooks/requirements.txt to run the notebooks");
        Path out = tmp.resolve("newslens-out");
        assertEquals(0, MainRunner.run("run", "--input", TestData.sampleCorpus().toString(),
                "--output", out.toString()));
        assertEquals(0, MainRunner.run("dashboard", "--output", out.toString()));
        String page = Files.readString(out.resolve("dashboard/index.html"));
        assertTrue(page.contains("Vladimir Putin") || page.contains("Joe Biden"), "the page holds the sample's entities");

        Path log = tmp.resolve("notebooks.log");
        Process notebooks = new ProcessBuilder("bash",
                TestData.projectDir().resolve("notebooks/run-notebooks.sh").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = notebooks.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            notebooks.destroyForcibly();
        }
        assertTrue(finished && notebooks.exitValue() == 0, "notebooks failed:\n" + Files.readString(log));
    }

    private static boolean onPath(String program) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + program).start();
        return which.waitFor() == 0;
    }
}
