-- Four eyes on extensions: who asked (at any stage, or the triage officer who chose the extension route), so the
-- manager's decision is refused when the same person would approve their own ask. Cleared with extension_asked_at.
ALTER TABLE desk.request ADD COLUMN extension_asked_by TEXT;
-- One clarification ask at a time: set with a conditional UPDATE in the transaction that correlates the ask (so of
-- two asks at once only one finds it empty), cleared when the clock restarts on the requester's answer.
ALTER TABLE desk.request ADD COLUMN clarification_asked_at TIMESTAMP WITH TIME ZONE;
