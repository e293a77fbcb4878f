import { isJsonObject } from './json';

describe('isJsonObject', () => {
  it('accepts plain objects and rejects arrays, null and scalars', () => {
    expect(isJsonObject({ a: 1 })).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('x')).toBe(false);
  });
});
