-- API keys. A key is shown once, at creation; only the SHA-256 of the whole key is kept, so a stolen database holds no keys.
-- Keys are revoked, never deleted, so audit rows always name a key that can be looked up.
CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key_id      TEXT NOT NULL UNIQUE,                    -- public part of the key (mk_<key_id>_<secret>), used to find the row
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scope       TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    key_hash    TEXT NOT NULL CHECK (length(key_hash) = 64), -- lower-case hex SHA-256 of the whole key
    created_at  TEXT NOT NULL,
    revoked_at  TEXT                                     -- NULL while the key is valid
);

-- Audit trail of scoring decisions: who asked (key), about what (role, résumé), with which model, on which inputs, and the outcome.
-- Only ids and hashes, no personal data, and no foreign keys: the trail outlives a role's deletion or a résumé's erasure.
CREATE TABLE audit_log (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    at                 TEXT NOT NULL,
    key_id             TEXT NOT NULL,
    action             TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 50),
    role_id            INTEGER,
    resume_id          INTEGER,
    model_version      TEXT,
    inputs_hash        TEXT,
    outcome            TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 200),
    score              REAL,
    meets_all_minimums INTEGER CHECK (meets_all_minimums IN (0, 1))
);

CREATE INDEX ix_audit_log_key ON audit_log (key_id, id);
CREATE INDEX ix_audit_log_role ON audit_log (role_id, id);
CREATE INDEX ix_audit_log_resume ON audit_log (resume_id, id);
