package newslens.ingest;

import java.io.Serializable;
import java.util.Locale;

/** One file found under the input root. {@code relativePath} is relative to that root. */
public record InputFile(String path, String relativePath, long size, long modificationTime) implements Serializable {

    /** Lower-case extension without the dot, or "" when the name has none. */
    public String extension() {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The stable document id of a one-article file: its relative path without the extension. */
    public String stem() {
        String ext = extension();
        return ext.isEmpty() ? relativePath : relativePath.substring(0, relativePath.length() - ext.length() - 1);
    }
}
