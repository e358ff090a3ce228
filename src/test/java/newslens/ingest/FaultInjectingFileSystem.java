package newslens.ingest;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code faulty://} ({@code faulty:///tmp/x} is
 * {@code /tmp/x}), whose {@code open} fails the way a real one does for files the test marks:
 * an unreadable file (permissions cannot stop a test running as root) and a file removed between
 * listing and reading. Listing and status calls are untouched, so marked files are listed as usual.
 *
 * <p>A mark is a hidden sibling file, which ingest does not list: {@code .<name>.unreadable} makes
 * every {@code open} fail until it is removed, {@code .<name>.vanishing} deletes the file at its
 * first {@code open}. Marks live on disk rather than in the instance because executors open files
 * through their own instances.
 *
 * <p>Extends {@link RawLocalFileSystem} rather than wrapping it: that class qualifies every path it
 * returns with {@link #getUri()}, so overriding the URI alone moves the whole file system under the
 * new scheme, where a {@code FilterFileSystem} would have to translate paths both ways in each method.
 */
public final class FaultInjectingFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "faulty";

    // A constant, not a field: RawLocalFileSystem's constructor already calls getUri().
    private static final URI ROOT = URI.create(SCHEME + ":///");
    private static final String UNREADABLE = "unreadable";
    private static final String VANISHING = "vanishing";

    /** Makes {@code faulty://} paths resolve to this class, on the driver and (local mode) executors. */
    public static void register(Configuration hadoopConf) {
        hadoopConf.set("fs." + SCHEME + ".impl", FaultInjectingFileSystem.class.getName());
    }

    /** The {@code faulty://} path of a local file or folder. */
    public static String pathOf(java.nio.file.Path local) {
        return SCHEME + "://" + local.toAbsolutePath();
    }

    /** From now on, opening {@code file} fails with "Permission denied". */
    public static void denyReading(java.nio.file.Path file) throws IOException {
        Files.createFile(mark(file.toFile(), UNREADABLE).toPath());
    }

    /** Undoes {@link #denyReading}, as a fixed permission would, without touching the file itself. */
    public static void allowReading(java.nio.file.Path file) throws IOException {
        Files.delete(mark(file.toFile(), UNREADABLE).toPath());
    }

    /** The first {@code open} of {@code file} deletes it, then fails as opening a missing file does. */
    public static void vanishOnFirstOpen(java.nio.file.Path file) throws IOException {
        Files.createFile(mark(file.toFile(), VANISHING).toPath());
    }

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        File file = pathToFile(path);
        if (mark(file, UNREADABLE).exists()) {
            // What HDFS (AccessControlException) or an object store reports: a plain IOException.
            throw new IOException("Permission denied: " + path);
        }
        File vanishing = mark(file, VANISHING);
        if (vanishing.exists()) {
            Files.deleteIfExists(file.toPath());
            Files.deleteIfExists(vanishing.toPath());
        }
        // For a vanished file the local file system itself throws FileNotFoundException.
        return super.open(path, bufferSize);
    }

    private static File mark(File file, String fault) {
        return new File(file.getParentFile(), "." + file.getName() + "." + fault);
    }
}
