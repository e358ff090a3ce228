package newslens.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fingerprint of everything that decides which mentions an article gets: the recogniser's code and
 * knowledge (the classes and resources under {@link #COVERED}), the user's knowledge-base files and any
 * extra inputs (a learned model). An incremental run keeps an article's earlier mentions only when
 * its text and this fingerprint are both unchanged, so upgrading newslens or editing the knowledge base
 * recomputes every article without the user asking.
 */
public final class RecognizerVersion {

    /** Class-path folders whose every file (classes and data) is part of the fingerprint. */
    static final List<String> COVERED = List.of("newslens/entities/", "newslens/text/", "newslens/kb/");

    private RecognizerVersion() {}

    /**
     * @param userFiles extra knowledge-base files given in the configuration
     * @param extra     further inputs that change the output (e.g. a learned model's description), may be empty
     */
    public static String of(List<Path> userFiles, List<String> extra) {
        MessageDigest digest = sha256();
        ClassLoader loader = RecognizerVersion.class.getClassLoader();
        try {
            for (String folder : COVERED) {
                for (var file : filesUnder(loader, folder).entrySet()) {
                    digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                    digest.update(file.getValue());
                }
            }
            for (Path file : userFiles) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not fingerprint the recogniser", e);
        }
        extra.forEach(value -> digest.update(value.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** Every file under a class-path folder, by name, whether the classes come from a jar or a folder. */
    private static TreeMap<String, byte[]> filesUnder(ClassLoader loader, String folder) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        var locations = loader.getResources(folder);
        while (locations.hasMoreElements()) {
            URL location = locations.nextElement();
            if (location.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : jar.stream().toList()) {
                        if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            } else if (location.getProtocol().equals("file")) {
                Path root = toPath(location);
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                        files.put(folder + root.relativize(path), Files.readAllBytes(path));
                    }
                }
            }
        }
        return files;
    }

    private static Path toPath(URL location) {
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class path folder with an invalid name: " + location, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
