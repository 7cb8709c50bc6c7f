-- The public id of the API key that submitted a job, so the rows its runner audits name who asked. NULL for jobs from before.
ALTER TABLE jobs ADD COLUMN requester_key_id TEXT;
