import { expect, test } from 'vitest';
import { divisionPath } from './division-path.ts';

test.each([
  ['110000', ['110000']],
  ['110100', ['110000', '110100']],
  ['110105', ['110000', '110100', '110105']],
  ['110105001', ['110000', '110100', '110105', '110105001']],
  ['429004', ['420000', '429000', '429004']],
])('the cascader path of %s', (code, path) => {
  expect(divisionPath(code)).toEqual(path);
});
