import type { Logger } from './logger.ts';
import type { EventConsumer } from './outbox.ts';

/** Writes every domain event to the structured log, for operators following the event stream. */
export function eventLogConsumer(log: Logger): EventConsumer {
  return {
    name: 'event-log',
    accepts: () => true,
    async handle(_db, ev) {
      log.info({ event: ev.type, aggregate: `${ev.aggregate_type}:${ev.aggregate_id}`, seq: ev.seq }, 'domain event');
    },
  };
}
