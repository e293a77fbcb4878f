/** Hostile inputs for the HTTP fuzz suite, by where they go in a request. */

/** A small deterministic PRNG (mulberry32), so every run sends the same requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Text shared by every place: numbers as text, lengths, encodings, injections. */
const TEXT = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e400',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '92233720368547759',
  '18446744073709551616',
  '-9223372036854775809',
  'true',
  'null',
  'undefined',
  'a'.repeat(101),
  'a'.repeat(5000),
  "' OR '1'='1' --",
  '1; DROP TABLE users; --',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'Zoë 日本 🛡️',
  '\u202eevil',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '+275760-09-13T00:00:00.001Z',
  '0000-00-00T00:00:00Z',
  '2026-02-30T25:61:61Z',
  '9999-12-31T23:59:59.999Z',
  '255.255.255.255/33',
  '0.0.0.0/0',
  '::/0',
  'http://127.0.0.1:9/',
  'javascript:alert(1)',
];

/** Raw, already percent-encoded path segments (a lone surrogate cannot be encoded otherwise). */
export const PATH_VALUES: string[] = [
  ...TEXT.filter((text) => text !== '').map(encodeURIComponent),
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%AF',
  '%FF',
  '%',
  '%25',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%9F%98%80',
];

/** Raw, already percent-encoded query values. */
export const QUERY_VALUES: string[] = [
  ...TEXT.map(encodeURIComponent),
  '%00',
  '%ED%A0%80',
  '%ED%B0%80x',
  '%FF%FE',
  '%',
  '%F4%90%80%80',
];

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** JSON values for one body field: wrong types, extremes, hostile text. */
export const BODY_VALUES: unknown[] = [
  ...TEXT,
  '\ud800',
  'x\udc00y',
  'x\u0000y',
  'a'.repeat(100_000),
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0,
  2 ** 31,
  2 ** 53 + 2,
  2 ** 64,
  -(2 ** 63),
  1e308,
  [],
  ['a', 1, null],
  ['\ud800'],
  {},
  { nested: { deeper: 'x' } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  nested(60),
];

/** Whole bodies: [label, content type (undefined: none), raw text]. */
export const RAW_BODIES: [string, string | undefined, string][] = [
  ['invalid JSON', 'application/json', '{"a":'],
  ['trailing comma', 'application/json', '{"a":1,}'],
  ['empty body', 'application/json', ''],
  ['JSON null', 'application/json', 'null'],
  ['JSON array', 'application/json', '[]'],
  ['array of junk', 'application/json', '[1,"x",null,[]]'],
  ['JSON string', 'application/json', '"text"'],
  ['JSON number', 'application/json', '1e999'],
  ['JSON true', 'application/json', 'true'],
  ['__proto__ pollution', 'application/json', '{"__proto__":{"isAdmin":true,"role":"ADMIN"}}'],
  ['constructor pollution', 'application/json', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['lone surrogate key', 'application/json', '{"\\ud800":"x","title":"\\udfff"}'],
  ['NUL key', 'application/json', '{"\\u0000":"x"}'],
  ['duplicate keys', 'application/json', '{"a":1,"a":2}'],
  ['nested 70 deep', 'application/json', '['.repeat(70) + ']'.repeat(70)],
  ['nested 10000 deep', 'application/json', '['.repeat(10_000) + ']'.repeat(10_000)],
  [
    '2000-element array',
    'application/json',
    JSON.stringify(Array.from({ length: 2000 }, () => ({}))),
  ],
  ['BOM and object', 'application/json', '\ufeff{}'],
  ['charset utf-16', 'application/json; charset=utf-16', '{}'],
  ['vendor JSON type', 'application/vnd.api+json', '{}'],
  ['text/plain', 'text/plain', 'hello'],
  ['form encoded', 'application/x-www-form-urlencoded', 'a=1&b=2'],
  ['multipart', 'multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
  ['xml', 'application/xml', '<a/>'],
  ['no content type', undefined, '{}'],
];

/** Authorization headers that are not a valid credential. */
export const BAD_CREDENTIALS: Record<string, string>[] = [
  { authorization: 'Bearer ' },
  { authorization: 'Bearer not.a.jwt' },
  { authorization: `Bearer ${'a'.repeat(8000)}` },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
  { 'x-api-key': '' },
  { 'x-api-key': 'msk_' + 'a'.repeat(4000) },
];
