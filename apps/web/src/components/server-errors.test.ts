import { expect, test } from 'vitest';
import { blankToNull } from './form-values.ts';
import { fieldPath } from './server-errors.ts';

test.each([
  ['body.name', ['name']],
  ['body.brands.0.brandId', ['brands', 0, 'brandId']],
  ['querystring.q', ['q']],
  ['body', []],
  ['coverage.12', ['coverage', 12]],
])('server path %s names form field %j', (path, name) => {
  expect(fieldPath(path)).toEqual(name);
});

test('blank strings become null so optional fields are cleared; other values stay', () => {
  expect(blankToNull({ a: '  ', b: 'x', c: 0, d: null, e: ['', 'y'] })).toEqual({
    a: null,
    b: 'x',
    c: 0,
    d: null,
    e: ['', 'y'],
  });
});
