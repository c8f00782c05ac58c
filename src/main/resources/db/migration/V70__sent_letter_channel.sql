-- Every letter, notice and document the desk produces is recorded once in desk.sent_letter
-- (issue 13): how it left the desk, not only that it did.
--   channel: EMAIL (sent, with its Message-ID), POST (handed to staff to print and post),
--            PACK (inside the disclosure pack, e.g. the cover letter), FILE (kept by the desk,
--            e.g. the erasure certificate)
-- Only an email has a Message-ID, so the column becomes optional.
ALTER TABLE desk.sent_letter ADD COLUMN channel VARCHAR(8) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE desk.sent_letter ALTER COLUMN message_id DROP NOT NULL;
