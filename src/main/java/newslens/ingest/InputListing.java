package newslens.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import newslens.table.SerializableHadoopConf;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Lists the files under {@code --input} (a folder read recursively, a file, or a glob), for any
 * Hadoop file system. The driver walks the first levels of the tree only until it has enough
 * sub-folders to share out; executors list those sub-trees in parallel, so a deep archive of
 * millions of files is neither listed one folder at a time nor held in a list on the driver.
 * Names starting with '.' or '_' are hidden, as in Hadoop and Spark.
 */
public final class InputListing {
    private static final int DRIVER_MAX_DEPTH = 3;

    private final SparkSession spark;
    private final SerializableHadoopConf hadoopConf;
    private final int folderFanOut;

    public InputListing(SparkSession spark, SerializableHadoopConf hadoopConf, int folderFanOut) {
        this.spark = spark;
        this.hadoopConf = hadoopConf;
        this.folderFanOut = folderFanOut;
    }

    public Dataset<InputFile> list(String input) {
        try {
            Path pattern = new Path(input);
            FileSystem fs = pattern.getFileSystem(hadoopConf.get());
            FileStatus[] matches = fs.globStatus(pattern);
            if (matches == null || matches.length == 0) {
                throw new IllegalArgumentException("--input " + input + ": no such file or folder");
            }
            String root = fs.makeQualified(globFreeParent(pattern, matches)).toString();
            List<InputFile> files = new ArrayList<>();
            Deque<Path> folders = new ArrayDeque<>();
            for (FileStatus match : matches) {
                collect(match, root, files, folders);
            }
            List<String> subtrees = walkTopLevels(fs, root, files, folders);
            Dataset<InputFile> nearRoot = spark.createDataset(files, Encoders.javaSerialization(InputFile.class));
            if (subtrees.isEmpty()) {
                return nearRoot;
            }
            SerializableHadoopConf conf = hadoopConf;
            FlatMapFunction<String, InputFile> listSubtree = folder -> listRecursively(conf, folder, root).iterator();
            Dataset<InputFile> deep = spark.createDataset(subtrees, Encoders.STRING())
                    .repartition(Math.min(subtrees.size(), spark.sparkContext().defaultParallelism() * 4))
                    .flatMap(listSubtree, Encoders.javaSerialization(InputFile.class));
            return nearRoot.union(deep);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list --input " + input, e);
        }
    }

    /** Breadth-first over the first levels, until there are enough folders to list in parallel. */
    private List<String> walkTopLevels(FileSystem fs, String root, List<InputFile> files, Deque<Path> folders)
            throws IOException {
        for (int depth = 0; depth < DRIVER_MAX_DEPTH && !folders.isEmpty() && folders.size() < folderFanOut; depth++) {
            int levelSize = folders.size();
            for (int i = 0; i < levelSize; i++) {
                for (FileStatus child : fs.listStatus(folders.poll())) {
                    if (!isHidden(child.getPath())) {
                        collect(child, root, files, folders);
                    }
                }
            }
        }
        List<String> subtrees = new ArrayList<>();
        folders.forEach(folder -> subtrees.add(folder.toString()));
        return subtrees;
    }

    private static void collect(FileStatus status, String root, List<InputFile> files, Deque<Path> folders) {
        if (status.isDirectory()) {
            folders.add(status.getPath());
        } else {
            files.add(toInputFile(status, root));
        }
    }

    /**
     * Depth-first with plain {@code listStatus}: {@code listFiles(path, true)} builds a
     * {@code LocatedFileStatus} per file, which on the local file system reads owner and permissions
     * with a process per file (milliseconds each, the whole cost of listing 10,000 files).
     */
    private static List<InputFile> listRecursively(SerializableHadoopConf conf, String folder, String root)
            throws IOException {
        Path top = new Path(folder);
        FileSystem fs = top.getFileSystem(conf.get());
        List<InputFile> files = new ArrayList<>();
        Deque<Path> pending = new ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            FileStatus[] children;
            try {
                children = fs.listStatus(pending.pop());
            } catch (FileNotFoundException vanished) {
                continue; // a folder removed after it was seen holds no input any more
            }
            for (FileStatus child : children) {
                if (!isHidden(child.getPath())) {
                    collect(child, root, files, pending);
                }
            }
        }
        return files;
    }

    private static InputFile toInputFile(FileStatus status, String root) {
        String path = status.getPath().toString();
        String relative = path.startsWith(root + "/") ? path.substring(root.length() + 1) : status.getPath().getName();
        return new InputFile(path, relative, status.getLen(), status.getModificationTime());
    }

    private static boolean isHidden(Path path) {
        String name = path.getName();
        return name.startsWith(".") || name.startsWith("_");
    }

    /** The longest leading part of a glob without wildcards: relative paths are taken from there. */
    private static Path globFreeParent(Path pattern, FileStatus[] matches) {
        if (matches.length == 1 && matches[0].isDirectory() && matches[0].getPath().getName().equals(pattern.getName())) {
            return matches[0].getPath();
        }
        Path parent = pattern;
        while (parent != null && parent.toString().matches(".*[*?\\[{].*")) {
            parent = parent.getParent();
        }
        if (parent == null || parent.equals(pattern)) {
            return matches[0].getPath().getParent();
        }
        return parent;
    }
}
