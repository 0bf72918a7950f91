-- Each use of a free-service entitlement (PRODUCT.md D: "each with a counter consumed by a work
-- order"): dated, so the pack's periods (one a year, once in year one) can be counted, with the work
-- order it was used on as free text until work orders link it. entitlement_counters.used stays the
-- running total of active uses (plus any counted before this table existed). A brand admin voids a
-- use recorded by mistake; nothing is deleted.
CREATE TABLE entitlement_uses (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL REFERENCES installed_products(id),
  brand_id uuid NOT NULL REFERENCES brands(id),
  entitlement_code text NOT NULL,
  used_on date NOT NULL,
  work_order_ref text,
  pack_id text NOT NULL,
  pack_version integer NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'voided')),
  void_reason text,
  voided_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK ((status = 'voided') = (voided_at IS NOT NULL))
);
CREATE INDEX entitlement_uses_product_idx ON entitlement_uses (product_id, entitlement_code, used_on);
