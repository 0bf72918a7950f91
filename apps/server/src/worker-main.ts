// Worker-only entry point: drains the outbox without serving HTTP (needs PostgreSQL: the embedded
// database admits one process, which runs the worker itself).
process.env.AFTERCARE_ROLE = 'worker';
await import('./main.ts');
