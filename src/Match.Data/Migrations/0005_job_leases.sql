-- A running job is leased to the process running it, renewed with every chunk of results. Another process (a second
-- instance, or the next one after a crash) claims it only once the lease has run out, so two never run one job together.
ALTER TABLE jobs ADD COLUMN lease_until TEXT;
