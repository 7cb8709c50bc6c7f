-- Stored scores: one row per (role, résumé), stamped with what it was computed from, so a changed role, résumé or model
-- shows it stale. Deleting a role or a résumé erases its scores (a résumé's scores are personal data too).
CREATE TABLE scores (
    role_id            INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    resume_id          INTEGER NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    model_version      TEXT NOT NULL,
    role_version       INTEGER NOT NULL,
    resume_version     INTEGER NOT NULL,
    score              REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    meets_minimums     INTEGER NOT NULL CHECK (meets_minimums IN (0, 1)),
    knock_outs         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(knock_outs)), -- indexes of missing minimum requirements
    minimum_coverage   REAL,
    preferred_coverage REAL,
    scored_at          TEXT NOT NULL,
    PRIMARY KEY (role_id, resume_id)
) WITHOUT ROWID;

CREATE INDEX ix_scores_resume ON scores (resume_id, score DESC);
CREATE INDEX ix_scores_role_score ON scores (role_id, score DESC);

-- Batch jobs: many résumés × one or many roles, scored in the background and resumable after a crash.
CREATE TABLE jobs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    state              TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    total              INTEGER NOT NULL CHECK (total >= 0),  -- pairs to score
    done               INTEGER NOT NULL DEFAULT 0,           -- pairs with a result (scored or failed)
    failed             INTEGER NOT NULL DEFAULT 0,           -- pairs whose result is an error
    options            TEXT NOT NULL CHECK (json_valid(options)), -- weights, explain
    model_version      TEXT,                                 -- the model that scored the last chunk
    error              TEXT,                                 -- why the whole job failed
    callback_url       TEXT,
    callback_state     TEXT NOT NULL DEFAULT 'none' CHECK (callback_state IN ('none', 'pending', 'delivered', 'failed')),
    callback_attempts  INTEGER NOT NULL DEFAULT 0,
    callback_due_at    TEXT,
    callback_error     TEXT,
    created_at         TEXT NOT NULL,
    started_at         TEXT,
    finished_at        TEXT
);

CREATE INDEX ix_jobs_active ON jobs (state, id) WHERE state IN ('queued', 'running');
CREATE INDEX ix_jobs_callbacks ON jobs (callback_due_at) WHERE callback_state = 'pending';

-- The résumés of a job in submission order: a stored résumé id, or inline text (erased when the job ends).
CREATE TABLE job_items (
    job_id     INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    item_index INTEGER NOT NULL CHECK (item_index >= 0),
    resume_id  INTEGER,
    text       TEXT,
    ref        TEXT,                                         -- the caller's label for an inline résumé
    role_ids   TEXT NOT NULL CHECK (json_valid(role_ids)),
    PRIMARY KEY (job_id, item_index)
) WITHOUT ROWID;

-- One result per (job, résumé item, role): chunks are written in transactions, so a resumed job never scores a pair twice.
CREATE TABLE job_results (
    job_id         INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    item_index     INTEGER NOT NULL,
    role_id        INTEGER NOT NULL,
    resume_id      INTEGER REFERENCES resumes (id) ON DELETE CASCADE, -- NULL for inline text
    score          REAL,
    meets_minimums INTEGER,
    result         TEXT CHECK (result IS NULL OR json_valid(result)),
    error          TEXT,
    PRIMARY KEY (job_id, item_index, role_id)
) WITHOUT ROWID;

CREATE INDEX ix_job_results_resume ON job_results (resume_id) WHERE resume_id IS NOT NULL;

-- Idempotency-Key: the first answer to a POST, replayed for retries with the same key. status NULL = still running.
CREATE TABLE idempotency_keys (
    key          TEXT PRIMARY KEY,
    method       TEXT NOT NULL,
    path         TEXT NOT NULL,
    body_hash    TEXT NOT NULL,
    status       INTEGER,
    content_type TEXT,
    location     TEXT,
    body         BLOB,
    created_at   TEXT NOT NULL,
    completed_at TEXT
);

CREATE INDEX ix_idempotency_created ON idempotency_keys (created_at);
