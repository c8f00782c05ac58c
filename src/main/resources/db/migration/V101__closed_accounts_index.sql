-- The relationship-end sweep reads closed accounts by status and closing date every night; the
-- index keeps that cheap however many active accounts there are.
CREATE INDEX ix_crm_account_closed ON records.crm_account (status, closed_on);
