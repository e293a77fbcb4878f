import { sanitizeForStorage, storableJsonValue } from './storable-json';

describe('sanitizeForStorage', () => {
  it('replaces NUL and unpaired surrogates in values and keys, keeping valid pairs', () => {
    const payload = {
      'k\u0000': 'a\u0000b',
      nested: [{ s: 'x\ud800y' }, 'ok \ud83d\ude00'],
      lone: '\udc00',
    };
    expect(sanitizeForStorage(payload)).toEqual({
      'k\ufffd': 'a\ufffdb',
      nested: [{ s: 'x\ufffdy' }, 'ok \ud83d\ude00'],
      lone: '\ufffd',
    });
  });

  it('walks deep payloads without recursion', () => {
    let deep: Record<string, unknown> = { v: '\u0000' };
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    expect(() => sanitizeForStorage(deep as never)).not.toThrow();
  });
});

describe('storableJsonValue', () => {
  it('returns clean values as they are', () => {
    const value = { a: [1, 'two', null], b: { c: 'ok \ud83d\ude00', d: 'back\\slash \\u0000' } };
    expect(storableJsonValue(value)).toBe(value);
    expect(storableJsonValue(undefined)).toBeUndefined();
  });

  it('makes NUL and unpaired surrogates at any depth storable, whatever the root', () => {
    expect(storableJsonValue({ raw: [{ name: 'evil\u0000.exe' }] })).toEqual({
      raw: [{ name: 'evil\ufffd.exe' }],
    });
    expect(storableJsonValue(['\ud800'])).toEqual(['\ufffd']);
    expect(storableJsonValue('NUL\u0000')).toBe('NUL\ufffd');
    expect(storableJsonValue('a\\\u0000')).toBe('a\\\ufffd');
  });
});
