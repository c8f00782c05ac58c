-- Each identifier of a request says where it came from and where it stands, so identifiers are
-- verified one by one and never wholesale (issue 12).
--   source: SENDER_ADDRESS (the mail's From), STRUCTURED_FIELD (a field an officer or the API
--           filled in), FOUND_IN_TEXT (a number or account found in a mail's text: a suggestion)
--   state:  SUGGESTED (found in text; never searched until an officer accepts it), UNMATCHED
--           (given, but on no single customer account), MATCHED (on the matched customer
--           account, matched_account), CONFIRMED (accepted by an officer; only these are
--           searched), REJECTED (never used)
-- verified stays as the flag the searches read: it is TRUE exactly when state is CONFIRMED.
-- An email address can also be proven by a one-time code sent to it (only its hash is kept).
ALTER TABLE desk.request_identifier ADD COLUMN source VARCHAR(24) DEFAULT 'STRUCTURED_FIELD' NOT NULL;
ALTER TABLE desk.request_identifier ADD COLUMN state VARCHAR(16) DEFAULT 'UNMATCHED' NOT NULL;
ALTER TABLE desk.request_identifier ADD COLUMN matched_account VARCHAR(32);
ALTER TABLE desk.request_identifier ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE desk.request_identifier ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE desk.request_identifier ADD COLUMN code_hash VARCHAR(64);
ALTER TABLE desk.request_identifier ADD COLUMN code_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE desk.request_identifier ADD COLUMN code_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE desk.request_identifier ADD COLUMN proven_at TIMESTAMP WITH TIME ZONE;
UPDATE desk.request_identifier SET state = 'CONFIRMED' WHERE verified = TRUE;
