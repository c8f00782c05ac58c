-- Whether a CRM account is a domestic, small-business or business customer (Ofcom GC C4: ADR is
-- offered to domestic and small-business customers). NULL: not recorded, treated as eligible, so a
-- customer the CRM cannot place is still told of the ombudsman; the ombudsman decides eligibility.
ALTER TABLE records.crm_account ADD COLUMN customer_type VARCHAR(16);
