package newslens.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time per output folder: {@code <output>/_lock} names the run that holds it. A lock
 * is stale, and taken over, when its process is gone (same host) or it has not been refreshed for
 * {@link #STALE_AFTER} (a run on another host refreshes it every minute while it works).
 */
public final class RunLock implements AutoCloseable {
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final Duration HEARTBEAT = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the lock file says. */
    public record Holder(String runId, String host, long pid, String startedAt) {}

    /** Another live run holds the output. */
    public static final class HeldException extends RuntimeException {
        public HeldException(String message) {
            super(message);
        }
    }

    private final FileSystem fs;
    private final Path path;
    private final ScheduledExecutorService heartbeat;

    private RunLock(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "newslens-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::touch, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    public static RunLock acquire(OutputLayout layout) {
        try {
            FileSystem fs = layout.fileSystem();
            fs.mkdirs(layout.root());
            Path path = new Path(layout.root(), "_lock");
            Holder me = new Holder(layout.runId(), hostName(), ProcessHandle.current().pid(), Instant.now().toString());
            if (!tryCreate(fs, path, me)) {
                Holder other = read(fs, path);
                String stale = staleness(fs, path, other);
                if (stale == null) {
                    throw new HeldException("output " + layout.root() + " is in use by run " + other.runId()
                            + " (pid " + other.pid() + " on " + other.host() + ", started " + other.startedAt()
                            + "). Wait for it to finish; if it is dead, remove " + path + ".");
                }
                fs.delete(path, false);
                if (!tryCreate(fs, path, me)) {
                    throw new HeldException("output " + layout.root() + " was taken by another run while a stale "
                            + "lock (" + stale + ") was being replaced");
                }
            }
            return new RunLock(fs, path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + layout.root(), e);
        }
    }

    /** Null when the holder is alive, else why its lock is stale. */
    private static String staleness(FileSystem fs, Path path, Holder holder) throws IOException {
        if (holder == null) {
            return "unreadable lock file";
        }
        if (holder.host().equals(hostName())) {
            return ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false)
                    ? null : "process " + holder.pid() + " is gone";
        }
        long age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
        return age > STALE_AFTER.toMillis() ? "not refreshed for " + age / 60_000 + " min" : null;
    }

    /** Atomic create-if-absent: O_EXCL on a local disk, HDFS's create without overwrite elsewhere. */
    private static boolean tryCreate(FileSystem fs, Path path, Holder holder) throws IOException {
        byte[] content = JSON.writeValueAsBytes(holder);
        if ("file".equals(fs.getUri().getScheme())) {
            try {
                Files.write(Paths.get(fs.makeQualified(path).toUri()), content, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
        try (OutputStream out = fs.create(path, false)) {
            out.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException taken) {
            return false;
        }
    }

    private static Holder read(FileSystem fs, Path path) {
        try (InputStream in = fs.open(path)) {
            return JSON.readValue(in, Holder.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void touch() {
        try {
            fs.setTimes(path, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            // A missed heartbeat only makes the lock look older; the next one retries.
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            fs.delete(path, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not release " + path, e);
        }
    }
}
