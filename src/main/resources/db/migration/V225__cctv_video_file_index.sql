-- Erasure deletes a file only when no remaining row of any file-holding category points at it
-- (V56). The CCTV clips' video_file had no index, so every erasure that deleted a file scanned the
-- whole footage table: 150 ms a subject at 200,000 rows, seconds at ten million.
CREATE INDEX ix_cctv_footage_video_file ON records.cctv_footage (video_file);
