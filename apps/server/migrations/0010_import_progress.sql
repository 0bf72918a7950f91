-- Progress of a running import (the console's progress bar), keyed by the id the client generated
-- for it. Written before the import's transaction opens, every few hundred rows while it writes (on
-- PostgreSQL, from another connection: the rows themselves stay all-or-nothing) and when it ends, so
-- a poll answered by another API process sees it too.
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  filename text,
  actor_id text,
  dry_run boolean NOT NULL DEFAULT false,
  phase text NOT NULL CHECK (phase IN ('checking', 'writing', 'done', 'failed')),
  processed integer NOT NULL DEFAULT 0,
  total integer,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX import_jobs_started_idx ON import_jobs (started_at);
