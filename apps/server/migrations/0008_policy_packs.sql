-- Policy packs (section C): every version of every pack, as the YAML text it was written in. The
-- shipped files in policies/ are imported at start when their (pack_id, version) is not stored yet;
-- the console saves drafts and activates them. A stored version's text never changes (trigger below):
-- a correction is a new version. The warranty engine evaluates with the active and retired versions,
-- each chosen by its effective dates, so a verdict for an old purchase keeps the version in force then.
CREATE TABLE policy_packs (
  id uuid PRIMARY KEY,
  pack_id text NOT NULL,                        -- the YAML's id (cn-baseline, aux …), brands.policy_pack
  version integer NOT NULL CHECK (version > 0), -- the YAML's version
  extends text,                                 -- the base pack id, when the YAML extends one
  name jsonb NOT NULL,                          -- the YAML's name: { "zh-CN": …, "en-US": … }
  source text NOT NULL,                         -- the YAML text as written
  status text NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
  effective_from date NOT NULL,
  effective_to date,
  brand_id uuid REFERENCES brands(id),          -- a brand whose policy_pack names this pack, when stored
  origin text NOT NULL CHECK (origin IN ('file', 'console')),
  author_id uuid REFERENCES users(id),          -- the user who saved the draft (null: imported, or an API key)
  author_name text,
  created_at timestamptz NOT NULL,
  activated_at timestamptz,
  retired_at timestamptz,
  UNIQUE (pack_id, version),
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK ((status = 'draft') = (activated_at IS NULL))
);
CREATE INDEX policy_packs_status_idx ON policy_packs (status, pack_id);

-- A version's text, id and number are written once.
CREATE FUNCTION policy_packs_source_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.source IS DISTINCT FROM OLD.source OR NEW.pack_id IS DISTINCT FROM OLD.pack_id
     OR NEW.version IS DISTINCT FROM OLD.version THEN
    RAISE EXCEPTION 'a stored policy pack version is never rewritten: save a new version';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER policy_packs_no_rewrite BEFORE UPDATE ON policy_packs
  FOR EACH ROW EXECUTE FUNCTION policy_packs_source_immutable();
