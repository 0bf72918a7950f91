// The pack set the server evaluates with. The database holds every version of every pack
// (policy_packs); the shipped files in policies/ are imported when their (id, version) is not stored
// yet, never over a stored version. `current()` is the resolved set of active and retired versions
// (each chosen by its effective dates, so an old purchase keeps the version in force then); it is
// reloaded in this process after an activation (`refresh()`); processes that share a PostgreSQL
// database also look for another process's activation every so often (`watch()`).
import { loadPackSet, type PackFile, type ResolvedPack, selectPack } from '@aftercare/policy';
import { systemActor } from '../../platform/access/principal.ts';
import { type Tx, writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { loadPolicies, type Policies, PolicyLoadError } from '../warranty/warranty.packs.ts';
import { parseStored, retireShadowed } from './policies.rules.ts';

/** The pack versions in force for evaluation: every active and retired version, resolved over its base. */
export interface CurrentPacks extends Policies {
  /** When this set was read from the database. */
  loadedAt: Date;
  /** The newest version of pack `id` effective on `date` (YYYY-MM-DD), if any. */
  select(id: string, date: string): ResolvedPack | undefined;
}

/** Where the store reports a stored version that differs from the shipped file of the same id and version. */
export interface PackLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

const fileNameOf = (r: { pack_id: string; version: number }) => `${r.pack_id}@${r.version}`;

/** The stored non-draft versions as pack files, for `loadPackSet`. */
export async function storedPackFiles(db: Tx): Promise<PackFile[]> {
  const rows = await db
    .selectFrom('policy_packs')
    .select(['pack_id', 'version', 'source'])
    .where('status', '<>', 'draft')
    .orderBy('pack_id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ fileName: fileNameOf(r), text: r.source }));
}

export class PackStore {
  private set: CurrentPacks | null = null;
  /** What the stored versions looked like when the set was read (`stampOf`). */
  private stamp: string | null = null;
  private readonly imported = new Set<string>();
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The pack set in force; throws before the first `load()`. */
  current(): CurrentPacks {
    if (!this.set) throw new Error('policy packs are not loaded yet (PackStore.load runs at start)');
    return this.set;
  }

  /**
   * Imports the shipped files of `dir` (once per folder and store; a broken file throws
   * PolicyLoadError with its file and line), then reads the set from the database.
   */
  async load(dir: string, log: PackLog | null = null): Promise<CurrentPacks> {
    if (!this.imported.has(dir)) {
      const files = loadPolicies(dir).files;
      await importPackFiles(this.db, this.clock, files, log);
      this.imported.add(dir);
    }
    return this.refresh();
  }

  /** Re-reads the active and retired versions (after an activation). */
  async refresh(): Promise<CurrentPacks> {
    const stamp = await this.stampOf();
    const set = loadPackSet(await storedPackFiles(this.db));
    if (set.errors.length > 0) {
      const lines = set.errors.map((e) => `${e.fileName}:${e.line}:${e.column} ${e.message}`);
      throw new PolicyLoadError(`stored policy packs do not resolve:\n  ${lines.join('\n  ')}`);
    }
    const packs = set.packs;
    this.set = { packs, loadedAt: this.clock.now(), select: (id, date) => selectPack(packs, id, date) };
    this.stamp = stamp;
    return this.set;
  }

  /** Every activation adds a non-draft version and moves the latest activation time. */
  private async stampOf(): Promise<string> {
    const r = await this.db
      .selectFrom('policy_packs')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('activated_at').as('at')])
      .where('status', '<>', 'draft')
      .executeTakeFirstOrThrow();
    return `${r.n}:${r.at ? new Date(r.at).toISOString() : ''}`;
  }

  /** Re-reads the set when another process has activated a version since it was read; true when it did. */
  async refreshIfChanged(): Promise<boolean> {
    if (this.set && (await this.stampOf()) === this.stamp) return false;
    await this.refresh();
    return true;
  }

  /** Checks every `ms` for another process's activation (API and worker processes on PostgreSQL); returns the stop. */
  watch(ms: number, log: PackLog | null): () => void {
    const timer = setInterval(() => {
      this.refreshIfChanged().then(
        (changed) => changed && log?.info({}, 'policy packs reloaded: another process activated a version'),
        (err: unknown) => log?.warn({ err }, 'policy packs: reload failed, keeping the current set'),
      );
    }, ms);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/**
 * Stores each file whose (id, version) is not stored yet, as an active version (then retires the
 * versions it replaces for their whole period). A stored version is never overwritten: when its text
 * differs from the file's, the log says so and the stored one stays.
 */
export async function importPackFiles(
  db: Database,
  clock: Clock,
  files: readonly PackFile[],
  log: PackLog | null,
): Promise<{ imported: string[]; differing: string[] }> {
  const imported: string[] = [];
  const differing: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const file of files) {
      const pack = parseStored(file.text, file.fileName);
      const stored = await trx
        .selectFrom('policy_packs')
        .select(['source', 'status'])
        .where('pack_id', '=', pack.id)
        .where('version', '=', pack.version)
        .executeTakeFirst();
      if (stored) {
        if (stored.source !== file.text) differing.push(`${pack.id} v${pack.version} (${file.fileName})`);
        continue;
      }
      const brand = await trx
        .selectFrom('brands')
        .select('id')
        .where('policy_pack', '=', pack.id)
        .orderBy('code')
        .executeTakeFirst();
      const now = clock.now();
      const id = newId();
      const inserted = await trx
        .insertInto('policy_packs')
        .values({
          id,
          pack_id: pack.id,
          version: pack.version,
          extends: pack.extends ?? null,
          name: JSON.stringify(pack.name),
          source: file.text,
          status: 'active',
          effective_from: pack.effective.from,
          effective_to: pack.effective.to ?? null,
          brand_id: brand?.id ?? null,
          origin: 'file',
          author_id: null,
          author_name: null,
          created_at: now,
          activated_at: now,
        })
        .onConflict((oc) => oc.columns(['pack_id', 'version']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue; // another process imported it first
      imported.push(`${pack.id} v${pack.version}`);
      const retired = await retireShadowed(trx, clock, pack.id);
      await writeAudit(trx, clock, systemActor, {
        action: 'policy_pack.import',
        entity: 'policy_pack',
        entityId: pack.id,
        brandId: brand?.id ?? null,
        after: { packId: pack.id, version: pack.version, file: file.fileName, retired },
      });
    }
  });
  if (imported.length) log?.info({ imported }, 'policy packs imported from the policies folder');
  for (const d of differing)
    log?.warn(
      { pack: d },
      'policy pack file differs from the stored version of the same id and version; the stored version is kept (give the file a new version)',
    );
  return { imported, differing };
}
