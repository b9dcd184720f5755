-- A signal sent while its step runs (Engine::Notify): the run may have read
-- the world before the news, so the signal is kept on the step, and when
-- that run ends waiting for this signal the step is due again at once and
-- sees the payload. Every claim and every commit clears it.
ALTER TABLE workflow_steps ADD COLUMN queued_signal TEXT;
ALTER TABLE workflow_steps ADD COLUMN queued_payload TEXT;
