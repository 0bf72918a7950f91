-- Product catalog per brand: models, parts (with the main-part flag per category and prices in fen),
-- and which parts fit which model. category_code must be one of the brand's categories
-- (brand_categories); that is checked by the commands, not by a foreign key, because a brand edit
-- rewrites its category rows.

CREATE TABLE product_models (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  category_code text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  name_en text,
  specs jsonb NOT NULL DEFAULT '{}'::jsonb,     -- e.g. {"capacity": "1.5匹", "power": "1200W"}
  launched_on date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search tsvector NOT NULL DEFAULT ''::tsvector,
  UNIQUE (brand_id, code)
);
CREATE INDEX product_models_category_idx ON product_models (brand_id, category_code);
CREATE INDEX product_models_search_idx ON product_models USING gin (search);

CREATE TABLE parts (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  category_code text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  is_main_part boolean NOT NULL DEFAULT false,  -- 主要部件 of its category (三包 main-part term)
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  warranty_term_months integer CHECK (warranty_term_months > 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search tsvector NOT NULL DEFAULT ''::tsvector,
  UNIQUE (brand_id, code)
);
CREATE INDEX parts_category_idx ON parts (brand_id, category_code, is_main_part);
CREATE INDEX parts_search_idx ON parts USING gin (search);

CREATE TABLE model_parts (
  model_id uuid NOT NULL REFERENCES product_models(id),
  part_id uuid NOT NULL REFERENCES parts(id),
  PRIMARY KEY (model_id, part_id)
);
CREATE INDEX model_parts_part_idx ON model_parts (part_id);
