-- Sales lines (销售数据) received from retailers' feeds (POST /sales, keyed by the retailer's
-- externalId) or imported from files (keyed by the external order no + line no, or the serial). Each
-- remembers the customer and installed product it wrote and a hash of what it said, so the same line
-- sent again changes nothing, and a changed line updates the same product.
CREATE TABLE sales_lines (
  id uuid PRIMARY KEY,
  brand_id uuid NOT NULL REFERENCES brands(id),
  source text NOT NULL CHECK (source IN ('feed', 'import')),
  external_id text NOT NULL,                  -- feed: the retailer's line id; import: order:<no>#<line> or serial:<SN>
  order_no text,
  line_no text,
  customer_id uuid NOT NULL REFERENCES customers(id),
  product_id uuid NOT NULL REFERENCES installed_products(id),
  payload_hash text NOT NULL,                 -- sha256 of the line as resolved (phones normalized, serial upper case)
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (brand_id, source, external_id)
);
CREATE INDEX sales_lines_product_idx ON sales_lines (product_id);
CREATE INDEX sales_lines_customer_idx ON sales_lines (customer_id);
