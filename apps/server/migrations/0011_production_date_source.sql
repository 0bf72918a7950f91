-- Where an installed product's production date came from: given by whoever registered it, or read
-- from the serial number by a rule of the brand's policy pack (serial.rules), whose id is kept so a
-- date can be traced to the rule (and re-read when the serial, model or category changes).
ALTER TABLE installed_products
  ADD COLUMN production_date_source text CHECK (production_date_source IN ('given', 'serial')),
  ADD COLUMN production_date_rule text;
UPDATE installed_products SET production_date_source = 'given' WHERE production_date IS NOT NULL;
ALTER TABLE installed_products
  ADD CONSTRAINT installed_products_production_date_rule_check
  CHECK ((production_date_source = 'serial') = (production_date_rule IS NOT NULL));
