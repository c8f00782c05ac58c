-- Erasure deletes an audio file only when no remaining row points at it (one recording can be
-- filed against two calls); these indexes keep that check a lookup, not a scan of every call.
CREATE INDEX ix_call_recording_audio_file ON records.call_recording (audio_file);
CREATE INDEX ix_tm_call_recording_audio_file ON records.tm_call_recording (audio_file);
