-- The language the desk writes to the requester in (issue 18 §3): 'en' or 'cy', an ISO 639-1 code.
-- Detected from a mail's text at intake or set by staff; requests logged before default to English.
ALTER TABLE desk.request ADD COLUMN language VARCHAR(2) DEFAULT 'en' NOT NULL;
