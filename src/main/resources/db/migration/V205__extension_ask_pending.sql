-- One extension ask at a time (issue 14 §2): set when an officer's ask (at any stage, or from triage) goes to a
-- manager, cleared when the manager decides. Set with a conditional UPDATE in the transaction that puts the ask
-- before the manager, so of two asks at once only one finds it empty.
ALTER TABLE desk.request ADD COLUMN extension_asked_at TIMESTAMP WITH TIME ZONE;
