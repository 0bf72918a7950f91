-- Work orders (工单, section E) and dispatch (派工, section F): one ticket from the first contact to the
-- close. Every table carries brand_id (scope, future RLS policies, distribution key).

-- Readable numbers (WO20261206-000123): one counter row per Shanghai calendar day, bumped with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING so concurrent intakes never share a number.
CREATE TABLE work_order_numbers (
  day date PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE work_orders (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  brand_id uuid NOT NULL REFERENCES brands(id),
  type text NOT NULL,
  channel text NOT NULL,
  status text NOT NULL,
  -- Optimistic concurrency: every change bumps it; If-Match carries the version the caller read.
  version integer NOT NULL DEFAULT 1,
  customer_id uuid NOT NULL REFERENCES customers(id),
  product_id uuid REFERENCES installed_products(id),
  category_code text,
  -- Where the service happens (a copy: the customer's address may change later).
  division_code text NOT NULL REFERENCES divisions(code),
  address_detail text NOT NULL,
  urban_rural text NOT NULL CHECK (urban_rural IN ('urban', 'rural')),
  contact_name text NOT NULL,
  contact_phone text NOT NULL,                 -- normalized national form
  fault_description text,
  fault_codes text[] NOT NULL DEFAULT '{}',
  preferred_windows jsonb NOT NULL DEFAULT '[]'::jsonb,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'urgent')),
  disposition text,                            -- how a contact closed on the call (guidance, consultation …)
  -- The warranty verdict at intake and the pack version it was judged under.
  verdict jsonb,
  pack_id text,
  pack_version integer,
  -- Current responsibility: the outlet the order is offered to (status dispatched) or owned by.
  outlet_id uuid REFERENCES outlets(id),
  technician_id uuid REFERENCES technicians(id),
  offer_expires_at timestamptz,
  handoffs integer NOT NULL DEFAULT 0,
  reopen_count integer NOT NULL DEFAULT 0,
  linked_order_id uuid REFERENCES work_orders(id),
  flags text[] NOT NULL DEFAULT '{}',          -- fraud and quality signals: serial_on_open_orders, repeat_repair_30d, …
  completion_code_hash text,
  completion_code_expires_at timestamptz,
  completion_method text CHECK (completion_method IN ('code', 'signature')),
  customer_token_hash text UNIQUE,             -- the SMS link to the customer's H5 page
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  resolved_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX work_orders_brand_status_idx ON work_orders (brand_id, status, created_at);
CREATE INDEX work_orders_outlet_idx ON work_orders (outlet_id, status) WHERE outlet_id IS NOT NULL;
CREATE INDEX work_orders_technician_idx ON work_orders (technician_id, status) WHERE technician_id IS NOT NULL;
CREATE INDEX work_orders_customer_idx ON work_orders (customer_id, created_at);
CREATE INDEX work_orders_product_idx ON work_orders (product_id, created_at) WHERE product_id IS NOT NULL;
-- The offer sweep: orders whose acceptance deadline has passed.
CREATE INDEX work_orders_offer_due_idx ON work_orders (offer_expires_at) WHERE offer_expires_at IS NOT NULL;

-- The timeline: every transition and note, written in the same transaction as the change.
CREATE TABLE work_order_events (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  seq integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text,
  actor_type text NOT NULL,
  actor_id uuid,
  actor_name text,
  actor_role text,
  reason text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL,
  UNIQUE (order_id, seq)
);

-- Offers to outlets: one row per hand-off, so hand-offs per order are counted and explained.
CREATE TABLE work_order_offers (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  rank integer,                                -- position in the candidate list (null: dispatcher's choice)
  source text NOT NULL CHECK (source IN ('auto', 'pinned', 'dispatcher')),
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'refused', 'expired', 'withdrawn')),
  reason text,
  offered_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  responded_at timestamptz
);
CREATE INDEX work_order_offers_order_idx ON work_order_offers (order_id, offered_at);
CREATE INDEX work_order_offers_outlet_idx ON work_order_offers (outlet_id, status, offered_at);

CREATE TABLE work_order_appointments (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'superseded', 'cancelled')),
  requested_by text NOT NULL CHECK (requested_by IN ('customer', 'outlet', 'agent', 'system')),
  reason text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  CHECK (window_end > window_start)
);
CREATE INDEX work_order_appointments_order_idx ON work_order_appointments (order_id, created_at);
CREATE INDEX work_order_appointments_day_idx ON work_order_appointments (window_start) WHERE status = 'active';

CREATE TABLE work_order_visits (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  technician_id uuid NOT NULL REFERENCES technicians(id),
  checked_in_at timestamptz NOT NULL,
  check_in_lat double precision,
  check_in_lng double precision,
  check_in_distance_m integer,                 -- from the service address, when both are known
  checked_out_at timestamptz,
  checklist jsonb NOT NULL DEFAULT '{}'::jsonb,
  diagnosis text,
  fault_code text,
  cause text,
  parts_used text,
  photos jsonb NOT NULL DEFAULT '[]'::jsonb,
  outcome text CHECK (outcome IN ('resolved', 'waiting_parts', 'returned_to_factory', 'revisit')),
  signature text,                              -- data URL of the customer's signature, when signed
  created_at timestamptz NOT NULL
);
CREATE INDEX work_order_visits_order_idx ON work_order_visits (order_id, checked_in_at);

-- Quotes (before out-of-warranty work) and receipts (after), itemized in fen.
CREATE TABLE work_order_charges (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  kind text NOT NULL CHECK (kind IN ('quote', 'receipt')),
  status text NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'superseded', 'issued')),
  items jsonb NOT NULL,
  total_fen integer NOT NULL CHECK (total_fen >= 0),
  covered_fen integer NOT NULL CHECK (covered_fen >= 0),
  payable_fen integer NOT NULL CHECK (payable_fen >= 0),
  fee_pack_id text,
  fee_pack_version integer,
  decided_at timestamptz,
  decided_by text,
  created_by uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX work_order_charges_order_idx ON work_order_charges (order_id, created_at);

-- Return visits (回访) after completion: due time from the pack; swept and listed by due time.
CREATE TABLE return_visit_tasks (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  due_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  claimed_by uuid,
  outcome text CHECK (outcome IN ('satisfied', 'unsatisfied', 'unreachable')),
  notes text,
  done_at timestamptz,
  done_by uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX return_visit_tasks_due_idx ON return_visit_tasks (brand_id, due_at) WHERE status = 'open';
CREATE UNIQUE INDEX return_visit_tasks_open_key ON return_visit_tasks (order_id) WHERE status = 'open';

-- Dispatch inputs: a KPI score per outlet (0–100, fed by settlement later), rotation, and pinning of
-- key accounts or institutions to named outlets.
ALTER TABLE outlets ADD COLUMN kpi_score integer NOT NULL DEFAULT 80 CHECK (kpi_score BETWEEN 0 AND 100);
ALTER TABLE outlets ADD COLUMN last_offered_at timestamptz;

CREATE TABLE dispatch_pins (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  customer_id uuid REFERENCES customers(id),   -- one customer (a key account) …
  customer_tag text,                           -- … or every customer with a tag (institution:hospital)
  division_code text REFERENCES divisions(code), -- optionally only within a division
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  created_at timestamptz NOT NULL,
  CHECK ((customer_id IS NULL) <> (customer_tag IS NULL))
);
CREATE INDEX dispatch_pins_brand_idx ON dispatch_pins (brand_id);

-- The brand's fault-code catalog (故障代码): what agents pick at intake and technicians at diagnosis.
CREATE TABLE fault_codes (
  brand_id uuid NOT NULL REFERENCES brands(id),
  code text NOT NULL,
  category_code text,                          -- null: any category of the brand
  name text NOT NULL,
  serious boolean NOT NULL DEFAULT false,      -- a serious performance fault (三包 repeated-failure rule)
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  PRIMARY KEY (brand_id, code)
);
