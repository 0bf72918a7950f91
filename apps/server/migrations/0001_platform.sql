-- Platform: audit log, outbox events, idempotency keys, users, sessions, API keys.

CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_type text NOT NULL,          -- user | api_key | system
  actor_id text,
  actor_name text,
  request_id text,
  action text NOT NULL,              -- e.g. outlet.create
  entity text NOT NULL,
  entity_id text,
  brand_id uuid,
  outlet_id uuid,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Append-only: the audit log refuses updates and deletes.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Outbox: every state change writes an event in its own transaction; the worker drains them.
CREATE TABLE events (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  type text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id text NOT NULL,
  brand_id uuid,
  outlet_id uuid,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  claimed_until timestamptz,
  dispatched_at timestamptz,
  last_error text
);
CREATE INDEX events_pending_idx ON events (available_at) WHERE dispatched_at IS NULL;
CREATE INDEX events_aggregate_idx ON events (aggregate_type, aggregate_id, seq);

CREATE TABLE event_deliveries (
  event_id uuid NOT NULL REFERENCES events(id),
  consumer text NOT NULL,
  delivered_at timestamptz NOT NULL,
  PRIMARY KEY (event_id, consumer)
);

CREATE TABLE idempotency_keys (
  principal text NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response_body text,
  response_type text,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  -- data scope columns
  brand_ids uuid[] NOT NULL DEFAULT '{}',
  region_ids uuid[] NOT NULL DEFAULT '{}',
  outlet_id uuid,
  technician_id uuid,
  customer_id uuid,
  phone text,
  locale text NOT NULL DEFAULT 'zh-CN',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_username_idx ON users (lower(username));
CREATE INDEX users_outlet_idx ON users (outlet_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,                 -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  prefix text NOT NULL UNIQUE,
  key_hash text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
