package newslens.table;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path tmp;

    private OutputLayout layout(String runId) {
        return new OutputLayout(tmp.toString(), runId, new Configuration());
    }

    @Test
    void aSecondRunIsRefusedWithAMessageNamingTheHolder() {
        try (RunLock first = RunLock.acquire(layout("run-1"))) {
            RunLock.HeldException refused = assertThrows(RunLock.HeldException.class,
                    () -> RunLock.acquire(layout("run-2")));
            assertTrue(refused.getMessage().contains("run-1") && refused.getMessage().contains("_lock"),
                    refused.getMessage());
        }
        try (RunLock again = RunLock.acquire(layout("run-3"))) {
            assertTrue(Files.exists(tmp.resolve("_lock")), "released locks can be taken again");
        }
        assertTrue(Files.notExists(tmp.resolve("_lock")));
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        writeLock(new RunLock.Holder("crashed", hostName(), dead.pid(), Instant.now().toString()));
        try (RunLock lock = RunLock.acquire(layout("run-2"))) {
            assertTrue(Files.readString(tmp.resolve("_lock")).contains("run-2"));
        }
    }

    @Test
    void aLockFromAnotherHostIsStaleOnlyWhenNotRefreshed() throws IOException {
        writeLock(new RunLock.Holder("elsewhere", "other-host", 1, Instant.now().toString()));
        assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(layout("run-2")));

        Files.setLastModifiedTime(tmp.resolve("_lock"),
                FileTime.from(Instant.now().minus(RunLock.STALE_AFTER).minusSeconds(60)));
        try (RunLock lock = RunLock.acquire(layout("run-3"))) {
            assertTrue(Files.readString(tmp.resolve("_lock")).contains("run-3"));
        }
    }

    @Test
    void aPublicationInterruptedBetweenItsRenamesIsUndoneByTheNextRun() throws IOException {
        // A run killed after moving the old table aside and before moving the new one in.
        Path retired = Files.createDirectories(tmp.resolve("_retired/run-1/articles"));
        Files.writeString(retired.resolve("_SUCCESS"), "");
        Files.writeString(retired.resolve("part-0.parquet"), "old");
        Path staged = Files.createDirectories(tmp.resolve("_staging/run-1/articles"));
        Files.writeString(staged.resolve("_SUCCESS"), "");

        layout("run-2").recoverInterruptedRuns();

        assertTrue(Files.exists(tmp.resolve("articles/part-0.parquet")), "the previous table is back");
        assertTrue(Files.notExists(tmp.resolve("_retired")) && Files.notExists(tmp.resolve("_staging")));
    }

    private void writeLock(RunLock.Holder holder) throws IOException {
        Files.write(tmp.resolve("_lock"), new ObjectMapper().writeValueAsBytes(holder));
    }

    private static String hostName() throws IOException {
        return java.net.InetAddress.getLocalHost().getHostName();
    }
}
