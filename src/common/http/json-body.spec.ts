import { jsonDepthExceeds, MAX_JSON_DEPTH, parseJsonBody } from './json-body';

const parse = (text: string | Buffer) =>
  parseJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text));

describe('parseJsonBody', () => {
  it('parses JSON, skipping a UTF-8 byte-order mark', () => {
    expect(parse('{"a":[1,"é"]}')).toEqual({ a: [1, 'é'] });
    expect(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"b":2}')]))).toEqual(
      { b: 2 },
    );
  });

  it.each([
    ['', 'Request body is empty'],
    ['   \n', 'Request body is empty'],
    ['{"a":', 'Malformed JSON'],
    ['[1,]', 'Malformed JSON'],
  ])('rejects %j with a 400', (text, message) => {
    expect(() => parse(text)).toThrow(message);
    try {
      parse(text);
    } catch (error) {
      expect((error as { statusCode: number }).statusCode).toBe(400);
    }
  });

  it('rejects invalid UTF-8', () => {
    expect(() =>
      parse(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
    ).toThrow('not valid UTF-8');
  });

  it('rejects nesting past the limit before parsing', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(() => parse(deep)).toThrow(`deeper than ${MAX_JSON_DEPTH}`);
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(() => parse(ok)).not.toThrow();
  });

  it('drops prototype-poisoning keys', () => {
    const parsed = parse(
      '{"a":1,"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    ) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('jsonDepthExceeds', () => {
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(Buffer.from('{"a":"[[[[\\"[[["}'), 2)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('{"a":[[1]]}'), 2)).toBe(true);
  });
});
