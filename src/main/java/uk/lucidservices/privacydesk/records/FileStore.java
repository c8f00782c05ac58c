package uk.lucidservices.privacydesk.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where the company's systems keep files (call audio). Paths in the tables are
 * relative to it; a path that tries to leave it is refused.
 */
public class FileStore {

    private final Path root;

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("File path leaves the file store: refused");
        }
        return path;
    }

    public boolean exists(String relative) {
        return relative != null && Files.exists(resolve(relative));
    }

    public void write(String relative, byte[] content) {
        Path path = resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the file store", e);
        }
    }

    /** Deletes the file if it is there; a file already gone counts as deleted (erasure retries). */
    public boolean delete(String relative) {
        if (relative == null) {
            return false;
        }
        try {
            return Files.deleteIfExists(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete a file from the file store", e);
        }
    }
}
