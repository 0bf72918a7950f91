import { describe, expect, it } from 'vitest';
import { onUniqueViolation } from './unique.ts';

const fail = (err: unknown) => () => Promise.reject(err);
const taken = () => new Error('taken');

describe('onUniqueViolation', () => {
  it('passes a result through', async () => {
    await expect(onUniqueViolation(async () => 7, taken)).resolves.toBe(7);
  });

  it('answers any unique violation with taken() when no constraint is named', async () => {
    await expect(onUniqueViolation(fail({ code: '23505', constraint: 'x_key' }), taken)).rejects.toThrow('taken');
  });

  it('with a constraint, answers only that one (or an unnamed one) and rethrows the rest', async () => {
    await expect(onUniqueViolation(fail({ code: '23505', constraint: 'a_key' }), taken, 'a_key')).rejects.toThrow(
      'taken',
    );
    await expect(onUniqueViolation(fail({ code: '23505' }), taken, 'a_key')).rejects.toThrow('taken');
    const other = { code: '23505', constraint: 'b_key' };
    await expect(onUniqueViolation(fail(other), taken, 'a_key')).rejects.toBe(other);
    const notUnique = { code: '23503' };
    await expect(onUniqueViolation(fail(notUnique), taken)).rejects.toBe(notUnique);
  });
});
