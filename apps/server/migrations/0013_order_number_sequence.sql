-- Order numbers from a sequence instead of a per-day counter row: every intake transaction updated
-- that one row and held its lock until commit, so concurrent intakes queued behind each other. A
-- sequence hands out values without a row lock (a rolled-back intake leaves a gap, which is fine for
-- a number people read). The day stays in the number: WO20261206-000123.
CREATE SEQUENCE work_order_number_seq;
DROP TABLE work_order_numbers;
