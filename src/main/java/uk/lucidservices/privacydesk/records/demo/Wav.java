package uk.lucidservices.privacydesk.records.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A tiny valid WAV file (8 kHz, 8-bit mono silence) standing in for call audio. */
final class Wav {

    private Wav() {}

    static byte[] silence(int millis) {
        int samples = 8 * millis;
        ByteBuffer b = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples).put("WAVE".getBytes());
        b.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(8000)
                .putInt(8000)
                .putShort((short) 1)
                .putShort((short) 8);
        b.put("data".getBytes()).putInt(samples);
        for (int i = 0; i < samples; i++) {
            b.put((byte) 128);
        }
        return b.array();
    }
}
