-- Rotation among equally ranked outlets reads the outlet's latest offer from work_order_offers
-- (max(offered_at) per outlet, one backward index step) instead of a stamp on the outlets row: every
-- intake offered to the same outlet updated that row and held its lock until commit, so concurrent
-- intakes for one area queued behind each other. outlets.last_offered_at is no longer written.
CREATE INDEX work_order_offers_rotation_idx ON work_order_offers (outlet_id, offered_at);
