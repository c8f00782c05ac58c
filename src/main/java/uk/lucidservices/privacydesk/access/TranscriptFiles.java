package uk.lucidservices.privacydesk.access;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chat transcripts assembled on disk while messages stream past in id order, one temporary file
 * per transcript. Messages of different transcripts may interleave, so a few writers stay open
 * and the rest are reopened for appending; memory holds only the list of transcript ids.
 */
final class TranscriptFiles implements AutoCloseable {

    private static final int OPEN_WRITERS = 32;

    private final Path dir;
    private final List<Long> order = new ArrayList<>();
    private final Set<Long> known = new HashSet<>();
    private final Map<Long, BufferedWriter> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BufferedWriter> eldest) {
            if (size() > OPEN_WRITERS) {
                close(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    TranscriptFiles(Path dir) {
        this.dir = dir;
    }

    void append(long transcriptId, String text) {
        try {
            writer(transcriptId).write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a transcript to the pack's work folder", e);
        }
    }

    private BufferedWriter writer(long transcriptId) throws IOException {
        BufferedWriter writer = open.get(transcriptId);
        if (writer == null) {
            if (known.add(transcriptId)) {
                order.add(transcriptId);
            }
            writer = Files.newBufferedWriter(
                    file(transcriptId), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            open.put(transcriptId, writer);
        }
        return writer;
    }

    /** Transcript ids in the order they were first seen; call after {@link #flush()}. */
    List<Long> transcripts() {
        return order;
    }

    Path file(long transcriptId) {
        return dir.resolve("transcript-" + transcriptId + ".txt");
    }

    void flush() {
        open.values().forEach(TranscriptFiles::close);
        open.clear();
    }

    @Override
    public void close() {
        flush();
    }

    private static void close(BufferedWriter writer) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a transcript to the pack's work folder", e);
        }
    }
}
