-- A complaint logged by the desk points back at its request, may point at a related access or
-- erasure request, and says whether it ended resolved or deadlocked.
ALTER TABLE records.complaint ADD COLUMN request_reference VARCHAR(32);
ALTER TABLE records.complaint ADD COLUMN related_reference VARCHAR(32);
ALTER TABLE records.complaint ADD COLUMN resolution VARCHAR(16);
CREATE INDEX ix_complaint_request_reference ON records.complaint (request_reference);
