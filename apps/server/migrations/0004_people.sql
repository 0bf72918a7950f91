-- People: technicians, users and API keys.

-- Users are listed by brand (brand_ids && …) and region for brand and regional admins.
CREATE INDEX users_brand_ids_idx ON users USING gin (brand_ids);
CREATE INDEX users_region_ids_idx ON users USING gin (region_ids);

-- A technician has at most one login.
CREATE UNIQUE INDEX users_technician_idx ON users (technician_id) WHERE technician_id IS NOT NULL;

-- "My API keys".
CREATE INDEX api_keys_user_idx ON api_keys (user_id);

-- Licence expiry lists (expired, expiring within 30 days) and skill matching for assignment.
CREATE INDEX technicians_licence_idx ON technicians (licence_valid_until);
CREATE INDEX technician_skills_match_idx ON technician_skills (outlet_id, category_code, service_type);

-- The cascader's first call lists the provinces.
CREATE INDEX divisions_level_idx ON divisions (level, code);
