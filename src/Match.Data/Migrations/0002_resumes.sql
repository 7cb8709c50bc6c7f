-- Résumés: the text read from an uploaded file and the structure read from that text. The uploaded bytes are not kept.
-- Anything later derived from a résumé (vectors, scores) references resumes(id) ON DELETE CASCADE, so DELETE erases it too.
CREATE TABLE resumes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: ids of erased résumés are never reused
    external_id  TEXT UNIQUE,                       -- the ATS's id; NULL for résumés uploaded without one
    content_hash TEXT NOT NULL,                     -- lower-case hex SHA-256 of the uploaded bytes: the same file is recognised
    format       TEXT NOT NULL CHECK (format IN ('text', 'pdf', 'docx', 'jsonResume')),
    file_name    TEXT,
    candidate    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(candidate)),
    text         TEXT NOT NULL CHECK (length(text) > 0),
    profile      TEXT NOT NULL CHECK (json_valid(profile)), -- sections, skills, periods, years, degree, languages; offsets index text
    redacted     INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1)),
    version      INTEGER NOT NULL DEFAULT 1,        -- +1 on every change
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE INDEX ix_resumes_content_hash ON resumes (content_hash);
