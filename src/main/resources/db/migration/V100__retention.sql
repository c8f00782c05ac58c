-- Retention of the desk's own records (issue 16). The nightly job (retention.RetentionJob) marks
-- what it has cleared, so each batch picks up where the last one stopped and a row is never
-- counted twice; and it takes a lease here so that only one node of a cluster runs it at a time.

-- The register keeps reference, type, channel, dates, status and outcome for accountability; the
-- requester's name, email, phone, account number and summary go at the end of their period.
ALTER TABLE desk.request ADD COLUMN personal_fields_cleared_at TIMESTAMP WITH TIME ZONE;

-- The intake log keeps when a mail was read and what became of it; sender, subject, phones and
-- account number go at the end of their period.
ALTER TABLE desk.intake_log ADD COLUMN personal_fields_cleared_at TIMESTAMP WITH TIME ZONE;
-- When the mail was expunged from the mailbox's processed folder.
ALTER TABLE desk.intake_log ADD COLUMN mailbox_expunged_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_request_closed_at ON desk.request (closed_at);
CREATE INDEX ix_intake_log_read_at ON desk.intake_log (read_at);

-- A lease per cluster-wide job: a node runs the job only after moving locked_until from the past
-- into the future in one UPDATE, which works alike on PostgreSQL and H2 and frees itself when a
-- node dies mid-run.
CREATE TABLE desk.job_lease (
    name          VARCHAR(64)  NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by     VARCHAR(200),
    CONSTRAINT pk_job_lease PRIMARY KEY (name)
);
INSERT INTO desk.job_lease (name, locked_until) VALUES ('retention', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00:00');
