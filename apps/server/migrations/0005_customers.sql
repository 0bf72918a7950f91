-- Customers (用户档案) and their installed products (机器档案): tenant data of one brand each, so every
-- table carries brand_id (scope, future RLS policies and the Citus distribution key).

CREATE TABLE customers (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  name text NOT NULL,
  gender text CHECK (gender IN ('male', 'female')),
  tags text[] NOT NULL DEFAULT '{}',          -- vip, key_account, institution:hospital, …
  language text,                              -- preferred language or dialect: 普通话, 粤语, …
  birthday date,
  consents jsonb NOT NULL DEFAULT '{"serviceMessages": true, "marketing": false, "at": null}'::jsonb,
  notes text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'merged')),
  merged_into uuid REFERENCES customers(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- CJK unigrams + bigrams of the name and every address (detail and division names): 王伟, 朝阳.
  search tsvector NOT NULL DEFAULT ''::tsvector,
  CHECK ((status = 'merged') = (merged_into IS NOT NULL))
);
CREATE INDEX customers_brand_idx ON customers (brand_id, created_at);
CREATE INDEX customers_search_idx ON customers USING gin (search);
CREATE INDEX customers_merged_into_idx ON customers (merged_into) WHERE merged_into IS NOT NULL;

-- Phone numbers in national form (mobile 13812341234, landline 01087654321). Screen pop looks a whole
-- number up by (brand_id, normalized); a typed fragment is matched as a prefix of the number (same
-- index, text_pattern_ops) or as its tail (尾号, through reverse(normalized)). Prefix and tail are
-- what agents type; n-gram tokens for fragments in the middle would multiply the index ~36 times
-- per number for a search nobody makes.
CREATE TABLE customer_phones (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  raw text NOT NULL,
  normalized text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('mobile', 'landline')),
  is_primary boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  UNIQUE (customer_id, normalized)
);
CREATE INDEX customer_phones_lookup_idx ON customer_phones (brand_id, normalized text_pattern_ops);
CREATE INDEX customer_phones_tail_idx ON customer_phones (brand_id, reverse(normalized) text_pattern_ops);
-- The platform administrator looks up across brands.
CREATE INDEX customer_phones_normalized_idx ON customer_phones (normalized text_pattern_ops);

CREATE TABLE customer_addresses (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  division_code text NOT NULL REFERENCES divisions(code),
  detail text NOT NULL,
  urban_rural_override text CHECK (urban_rural_override IN ('urban', 'rural')),
  is_primary boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);
CREATE INDEX customer_addresses_customer_idx ON customer_addresses (customer_id);
-- Duplicate detection: similar name at the same division.
CREATE INDEX customer_addresses_division_idx ON customer_addresses (brand_id, division_code);

CREATE TABLE installed_products (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  category_code text NOT NULL,               -- one of the brand's categories (checked by the command)
  model_code text,
  serial text,                               -- trimmed, upper case
  production_date date,
  purchase_date date,
  has_invoice boolean NOT NULL DEFAULT false,
  invoice_photo_url text,
  channel text,
  store text,
  delivery_date date,
  installation_date date,
  installing_outlet_id uuid REFERENCES outlets(id),
  warranty_start_override date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX installed_products_serial_key ON installed_products (brand_id, serial) WHERE serial IS NOT NULL;
CREATE INDEX installed_products_customer_idx ON installed_products (customer_id);
-- Outlet scope: the customers whose products the outlet installed.
CREATE INDEX installed_products_outlet_idx ON installed_products (installing_outlet_id, customer_id)
  WHERE installing_outlet_id IS NOT NULL;

CREATE TABLE extended_warranty_contracts (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL REFERENCES installed_products(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  contract_no text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  covers jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  UNIQUE (brand_id, contract_no),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX extended_warranty_contracts_product_idx ON extended_warranty_contracts (product_id);

-- Free services used per product (e.g. 2 free cleanings).
CREATE TABLE entitlement_counters (
  product_id uuid NOT NULL REFERENCES installed_products(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  entitlement_code text NOT NULL,
  used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
  "limit" integer CHECK ("limit" >= 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (product_id, entitlement_code)
);
