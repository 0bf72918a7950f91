import { sql } from 'kysely';
import type { Tx } from './audit.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import { newId } from './ids.ts';

export interface DomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  brandId?: string | null;
  outletId?: string | null;
  payload?: Record<string, unknown>;
}

/** Writes an event in the caller's transaction; the worker delivers it after commit. */
export async function emitEvent(tx: Tx, clock: Clock, e: DomainEvent): Promise<string> {
  const id = newId();
  const now = clock.now();
  await tx
    .insertInto('events')
    .values({
      id,
      type: e.type,
      aggregate_type: e.aggregateType,
      aggregate_id: e.aggregateId,
      brand_id: e.brandId ?? null,
      outlet_id: e.outletId ?? null,
      payload: JSON.stringify(e.payload ?? {}),
      created_at: now,
      available_at: now,
    })
    .execute();
  return id;
}

export interface StoredEvent {
  id: string;
  seq: number;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  brand_id: string | null;
  outlet_id: string | null;
  payload: unknown;
  attempts: number;
}

/** A consumer is called at least once per event; it must be idempotent (deliveries are recorded). */
export interface EventConsumer {
  name: string;
  accepts(type: string): boolean;
  handle(db: Database, event: StoredEvent): Promise<void>;
}

export interface DrainResult {
  claimed: number;
  dispatched: number;
  failed: number;
}

const CLAIM_MS = 60_000;

/**
 * Claims a batch of due events atomically (a crashed worker's claim expires), runs every consumer
 * that has not yet recorded a delivery, then marks the event dispatched or schedules a retry.
 */
export async function drainOutbox(
  db: Database,
  clock: Clock,
  consumers: EventConsumer[],
  batchSize = 100,
): Promise<DrainResult> {
  const now = clock.now();
  const claimUntil = new Date(now.getTime() + CLAIM_MS);
  const claimed = await sql<StoredEvent>`
    UPDATE events SET claimed_until = ${claimUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM events
      WHERE dispatched_at IS NULL AND available_at <= ${now}
        AND (claimed_until IS NULL OR claimed_until < ${now})
      ORDER BY seq LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, seq, type, aggregate_type, aggregate_id, brand_id, outlet_id, payload, attempts`.execute(db);
  let dispatched = 0;
  let failed = 0;
  for (const ev of claimed.rows.sort((a, b) => a.seq - b.seq)) {
    try {
      for (const c of consumers) {
        if (!c.accepts(ev.type)) continue;
        const done = await db
          .selectFrom('event_deliveries')
          .select('consumer')
          .where('event_id', '=', ev.id)
          .where('consumer', '=', c.name)
          .executeTakeFirst();
        if (done) continue;
        await c.handle(db, ev);
        await db
          .insertInto('event_deliveries')
          .values({ event_id: ev.id, consumer: c.name, delivered_at: clock.now() })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await db
        .updateTable('events')
        .set({ dispatched_at: clock.now(), claimed_until: null, last_error: null })
        .where('id', '=', ev.id)
        .execute();
      dispatched++;
    } catch (err) {
      failed++;
      const backoffMs = Math.min(3_600_000, 1000 * 2 ** Math.min(ev.attempts, 12));
      await db
        .updateTable('events')
        .set({
          claimed_until: null,
          available_at: new Date(clock.now().getTime() + backoffMs),
          last_error: String((err as Error).message ?? err).slice(0, 1000),
        })
        .where('id', '=', ev.id)
        .execute();
    }
  }
  return { claimed: claimed.rows.length, dispatched, failed };
}
