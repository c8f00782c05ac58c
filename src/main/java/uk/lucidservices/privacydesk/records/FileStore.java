package uk.lucidservices.privacydesk.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder where the company's systems keep files (call audio) and the desk keeps its own (packs,
 * certificates). Paths in the tables are relative to it. Each of those areas is a store of its own
 * ({@link #area}): a path that tries to leave its area is refused, so a recording path in a company
 * table cannot reach another person's pack. Only regular files are read, never a symbolic link or a
 * folder, and a file is read only where its real path lies inside the area's real folder.
 */
public class FileStore {

    /** Call audio of the company's systems. */
    public static final String RECORDINGS = "recordings";
    /** Disclosure packs. */
    public static final String PACKS = "packs";
    /** What came with mail to the privacy mailbox: raw mails and attachments (ID documents). */
    public static final String INTAKE = "intake";
    /** Erasure certificates. */
    public static final String CERTIFICATES = "certificates";
    /** Copies of what officers found by hand (paper files, social media) for a subject access request. */
    public static final String MANUAL = "manual";

    private final Path base;
    private final Path root;

    public FileStore(Path root) {
        this(root.toAbsolutePath().normalize(), root.toAbsolutePath().normalize());
    }

    private FileStore(Path base, Path root) {
        this.base = base;
        this.root = root;
    }

    /**
     * The area in the folder of that name. Its paths are still written relative to the whole store
     * ({@code packs/SAR-.../x.zip}), so the paths already in the tables stay valid.
     */
    public FileStore area(String folder) {
        Path areaRoot = base.resolve(folder).normalize();
        if (!areaRoot.startsWith(base) || areaRoot.equals(base)) {
            throw new IllegalArgumentException("Not an area of the file store: " + folder);
        }
        return new FileStore(base, areaRoot);
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        Path path = base.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("File path leaves its area of the file store: refused");
        }
        return path;
    }

    /**
     * The file to read: present when the path stays in the area and names a regular file (not a
     * link, not a folder) whose real path is inside the area's real folder.
     */
    public Optional<Path> regularFile(String relative) {
        if (relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        Path path;
        try {
            path = resolve(relative);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path real = path.toRealPath();
            return real.startsWith(root.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the path names a file this area may read (see {@link #regularFile}). */
    public boolean exists(String relative) {
        return regularFile(relative).isPresent();
    }

    public void write(String relative, byte[] content) {
        Path path = resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            if (Files.isSymbolicLink(path) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("Not a regular file in the file store: refused");
            }
            Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the file store", e);
        }
    }

    /**
     * Deletes the file if it is there; a file already gone counts as deleted (erasure retries). A
     * folder is refused; a symbolic link is removed as a link, never its target.
     */
    public boolean delete(String relative) {
        if (relative == null) {
            return false;
        }
        Path path = resolve(relative);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("A folder is not a file of the file store: refused");
        }
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete a file from the file store", e);
        }
    }
}
