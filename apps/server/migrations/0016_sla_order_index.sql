-- sla_milestones_order_idx (order_id) repeats the leading column of the UNIQUE (order_id,
-- milestone_key) index, which serves the same lookups; every milestone write maintained both.
DROP INDEX sla_milestones_order_idx;
