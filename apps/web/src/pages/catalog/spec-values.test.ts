import { expect, test } from 'vitest';
import { specRowsOf, specsOf } from './spec-values.ts';

test('specifications survive the round trip through editable rows', () => {
  const specs = { capacity: '1.5匹', power: 1200, energyClass: 1, inverter: true, code: '007' };
  expect(specsOf(specRowsOf(specs))).toEqual(specs);
});

test('rows without a name are dropped; values are typed', () => {
  expect(
    specsOf([
      { key: ' noise ', value: ' 38.5 ' },
      { key: '', value: 'x' },
      { key: 'wifi', value: 'false' },
      { key: 'n' },
    ]),
  ).toEqual({ noise: 38.5, wifi: false, n: '' });
});
