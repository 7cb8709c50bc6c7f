-- Roles: a posting from an ATS (or typed in) and the atomic requirements read from it.
CREATE TABLE roles (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: ids of deleted roles are never reused by later roles
    external_id         TEXT UNIQUE,                       -- the ATS's id; NULL for roles created without one
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    posting_text        TEXT NOT NULL,
    requirements_source TEXT NOT NULL CHECK (requirements_source IN ('parsed', 'supplied', 'corrected')),
    requirements_hash   TEXT NOT NULL,                     -- SHA-256 of the requirement list; scores go stale when it changes
    version             INTEGER NOT NULL DEFAULT 1,        -- +1 on every change to the role
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE INDEX ix_roles_status ON roles (status, id);

CREATE TABLE role_requirements (
    role_id    INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL CHECK (ordinal >= 0),
    level      TEXT NOT NULL CHECK (level IN ('minimum', 'preferred')),
    category   TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    PRIMARY KEY (role_id, ordinal)
) WITHOUT ROWID;
