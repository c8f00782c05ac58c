-- Do not record (issue 15 §2): numbers whose calls the phone system must not record.
-- The desk's list holds keyed hashes only (HMAC-SHA256 of the E.164 number, keyed with
-- DESK_SUPPRESSION_SECRET), like the marketing suppression list. Kept for as long as the request
-- stands: a row goes only when the person withdraws it.
CREATE TABLE records.do_not_record (
    key_hash           VARCHAR(64) NOT NULL,
    request_reference  VARCHAR(32),
    added_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_do_not_record PRIMARY KEY (key_hash)
);

-- The phone system's feed: the one place the numbers are held as numbers, because the PBX compares
-- the caller's number as the call rings and holds no key to hash it with. Read only by the feed
-- endpoint (GET /api/pbx/do-not-record); it goes with its list row.
CREATE TABLE records.do_not_record_feed (
    key_hash  VARCHAR(64) NOT NULL,
    e164      VARCHAR(32) NOT NULL,
    CONSTRAINT pk_do_not_record_feed PRIMARY KEY (key_hash),
    CONSTRAINT fk_do_not_record_feed_list FOREIGN KEY (key_hash) REFERENCES records.do_not_record (key_hash) ON DELETE CASCADE
);
