-- A copy of one live-chat transcript asked for from the chat or by a further enquiry (issue 15 §4):
-- which transcript, and whether the copy was sent or the request became a subject access request.
-- Ids and references only; deleted with its request.
CREATE TABLE desk.transcript_copy (
    request_id     BIGINT      NOT NULL,
    transcript_id  BIGINT      NOT NULL,
    outcome        VARCHAR(16),
    sar_reference  VARCHAR(32),
    CONSTRAINT pk_transcript_copy PRIMARY KEY (request_id),
    CONSTRAINT fk_transcript_copy_request FOREIGN KEY (request_id) REFERENCES desk.request (id) ON DELETE CASCADE
);
