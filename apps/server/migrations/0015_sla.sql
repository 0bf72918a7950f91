-- Section G: promises as clocks. A milestone row is the stored state of one promise on one work order
-- (record within 5 min, on site within 12 h …), recomputed from the order's event history by the pure
-- engine in packages/policy whenever an event is appended (or on demand: a corrected calendar). The
-- due and warning times are indexed for the worker's sweeps; warned_at / breach_handled_at are the
-- sweeps' atomic claims (set in the transaction that writes the consequence, so a crash loses and
-- doubles nothing). A recompute never clears them.
CREATE TABLE sla_milestones (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  -- Denormalized for the board and the reports (the outlet in charge now, its region or the region of
  -- the address), refreshed on every recompute.
  outlet_id uuid REFERENCES outlets(id),
  region_id uuid REFERENCES regions(id),
  division_code text NOT NULL,
  milestone_key text NOT NULL,
  pack_id text NOT NULL,
  pack_version integer NOT NULL,
  -- Who answers for it: 'desk' (the call centre agent, created_by of the order) or 'outlet'.
  responsible text NOT NULL CHECK (responsible IN ('desk', 'outlet', 'dispatch')),
  responsible_user_id uuid,
  -- 'calendar' or 'working' minutes; target_minutes in that measure (null: until the appointment ends).
  clock text NOT NULL CHECK (clock IN ('calendar', 'working')),
  target_minutes integer,
  started_at timestamptz NOT NULL,
  -- Null while paused (the deadline is not known until the clock runs again).
  due_at timestamptz,
  warn_at timestamptz,
  stopped_at timestamptz,
  -- open: running; paused; met: stopped by the due time; missed: stopped late; cancelled: the order
  -- ended without the stop event (cancelled, closed on the call).
  status text NOT NULL CHECK (status IN ('open', 'paused', 'met', 'missed', 'cancelled')),
  -- Minutes on the clock (in its measure, pauses excluded) from start to stop, or to the last recompute.
  elapsed_minutes integer,
  paused_minutes integer NOT NULL DEFAULT 0,
  -- [{ from, to | null, reason }] — the pauses as the event history gives them.
  pauses jsonb NOT NULL DEFAULT '[]'::jsonb,
  customer_caused boolean NOT NULL DEFAULT false,
  -- The engine's explanation (target chosen and why, calendar, appointment moves), for the order page.
  explain jsonb NOT NULL DEFAULT '{}'::jsonb,
  warned_at timestamptz,
  breach_handled_at timestamptz,
  computed_at timestamptz NOT NULL,
  UNIQUE (order_id, milestone_key)
);
CREATE INDEX sla_milestones_warn_due_idx ON sla_milestones (warn_at)
  WHERE status = 'open' AND warned_at IS NULL AND warn_at IS NOT NULL;
CREATE INDEX sla_milestones_breach_due_idx ON sla_milestones (due_at)
  WHERE status IN ('open', 'missed') AND breach_handled_at IS NULL AND due_at IS NOT NULL;
CREATE INDEX sla_milestones_board_idx ON sla_milestones (brand_id, due_at) WHERE status IN ('open', 'paused');
CREATE INDEX sla_milestones_report_idx ON sla_milestones (brand_id, milestone_key, started_at);
CREATE INDEX sla_milestones_order_idx ON sla_milestones (order_id);

-- Days that differ from the official calendar shipped in the chinese-days package: a year not shipped
-- yet, a local holiday (of one brand, optionally only in one province or city by division prefix), a
-- correction. working = false makes a holiday, true a working day.
CREATE TABLE calendar_days (
  id uuid PRIMARY KEY,
  brand_id uuid REFERENCES brands(id),
  division_prefix text,
  day date NOT NULL,
  working boolean NOT NULL,
  name text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX calendar_days_unique_idx
  ON calendar_days (coalesce(brand_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(division_prefix, ''), day);

-- In-app notifications (warnings to the responsible party and their supervisor), written by an outbox
-- consumer: one row per recipient and event, so a redelivered event adds nothing.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  brand_id uuid REFERENCES brands(id),
  kind text NOT NULL,
  order_id uuid REFERENCES work_orders(id),
  milestone_id uuid REFERENCES sla_milestones(id),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (event_id, user_id)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- 考核单: an assessment slip against the responsible outlet or agent for a breached milestone, with the
-- pack's amount (fen). open → appealed (evidence) → confirmed (appeal rejected) | withdrawn (appeal
-- accepted); open → confirmed by a reviewer or when the appeal window passes. Confirmed slips wait
-- for settlement (settled_in names the settlement that took them).
CREATE TABLE assessment_slips (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  brand_id uuid NOT NULL REFERENCES brands(id),
  order_id uuid NOT NULL REFERENCES work_orders(id),
  milestone_id uuid NOT NULL UNIQUE REFERENCES sla_milestones(id),
  milestone_key text NOT NULL,
  party text NOT NULL CHECK (party IN ('outlet', 'agent')),
  outlet_id uuid REFERENCES outlets(id),
  user_id uuid REFERENCES users(id),
  amount_fen integer NOT NULL CHECK (amount_fen >= 0),
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'appealed', 'confirmed', 'withdrawn')),
  appeal_due_at timestamptz NOT NULL,
  appeal_text text,
  appeal_evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  appealed_by uuid,
  appealed_at timestamptz,
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_note text,
  settled_in text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((party = 'outlet') = (outlet_id IS NOT NULL))
);
CREATE INDEX assessment_slips_brand_idx ON assessment_slips (brand_id, status, created_at DESC);
CREATE INDEX assessment_slips_outlet_idx ON assessment_slips (outlet_id, status);
CREATE INDEX assessment_slips_appeal_due_idx ON assessment_slips (appeal_due_at) WHERE status = 'open';

-- A customer remedy due on a breach (Midea: this service free; Gome: compensation, a loaner), proposed
-- by the breach sweep and approved or rejected by a person within their role's limit from the pack.
CREATE TABLE remedy_proposals (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  order_id uuid NOT NULL REFERENCES work_orders(id),
  milestone_id uuid NOT NULL REFERENCES sla_milestones(id),
  remedy_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('waive_charges', 'compensation', 'loaner')),
  amount_fen integer NOT NULL CHECK (amount_fen >= 0),
  status text NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL,
  UNIQUE (milestone_id, remedy_id)
);
CREATE INDEX remedy_proposals_brand_idx ON remedy_proposals (brand_id, status, created_at DESC);
CREATE SEQUENCE assessment_slip_number_seq;
