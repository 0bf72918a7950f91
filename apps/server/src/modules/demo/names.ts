import { FEMALE_GIVEN, MALE_GIVEN, MOBILE_PREFIXES, SURNAMES } from './catalog.ts';
import type { Rng } from './random.ts';

/** A Chinese personal name: a common surname (skewed to 王李张刘陈) and a one- or two-character given name. */
export function personName(rng: Rng, femaleShare = 0.3): string {
  const given = rng.chance(femaleShare) ? rng.pick(FEMALE_GIVEN) : rng.pick(MALE_GIVEN);
  return rng.pickSkewed(SURNAMES, 1.8) + given;
}

/** Mainland mobile numbers, never the same twice from one source. */
export function mobileSource(rng: Rng): () => string {
  const seen = new Set<string>();
  return () => {
    for (;;) {
      const phone = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
      if (!seen.has(phone)) {
        seen.add(phone);
        return phone;
      }
    }
  };
}

/** A landline: 8 local digits after a three-digit area code (010, 02x), 7 or 8 after a four-digit one. */
export function landline(rng: Rng, areaCode: string): string {
  const digits = areaCode.length === 3 ? 8 : 7 + (rng.chance(0.5) ? 1 : 0);
  return `${areaCode}-${rng.int(2, 8)}${rng.digits(digits - 1)}`;
}

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** The Asia/Shanghai calendar date of an instant plus some days, as YYYY-MM-DD. */
export function shanghaiDate(at: Date, plusDays = 0): string {
  return new Date(at.getTime() + SHANGHAI + plusDays * DAY).toISOString().slice(0, 10);
}
