package newslens;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the project's sample corpus and the shared evaluation data (absent on users' clones). */
public final class TestData {
    private TestData() {}

    public static Path projectDir() {
        return Path.of(System.getProperty("newslens.projectDir", ".")).toAbsolutePath().normalize();
    }

    public static Path sampleCorpus() {
        return projectDir().resolve("jobs/sample-corpus");
    }

    /** ../shared/data/{first}/{more}, or the test is skipped when the shared data is not there. */
    public static Path shared(String first, String... more) {
        Path path = projectDir().resolve("../shared/data").resolve(Path.of(first, more)).normalize();
        Assumptions.assumeTrue(Files.exists(path), "shared evaluation data not present: " + path);
        return path;
    }
}
