import type { ArgumentMetadata } from '@nestjs/common';
import { findUnstorableText, StorableTextPipe } from './storable-text.pipe';

class LoginBody {}
const pipe = new StorableTextPipe();
const run = (value: unknown, metadata: Partial<ArgumentMetadata>) =>
  pipe.transform(value, { type: 'body', ...metadata } as ArgumentMetadata);

describe(StorableTextPipe.name, () => {
  it('refuses a lone surrogate in a DTO body, naming the field', () => {
    expect(() => run({ email: 'a\ud800@x.com' }, { metatype: LoginBody })).toThrow(
      'email contains invalid Unicode (a lone surrogate)',
    );
    expect(() => run({ settings: { apiKey: ['ok', '\udc00'] } }, { metatype: LoginBody })).toThrow(
      'settings.apiKey.1 contains invalid Unicode',
    );
  });

  it('refuses NUL in query values and path parameters', () => {
    expect(() => run({ q: 'a\u0000' }, { type: 'query', metatype: LoginBody })).toThrow(
      'q contains a NUL character',
    );
    expect(() => run('x\u0000', { type: 'param', data: 'name', metatype: String })).toThrow(
      'name contains a NUL character',
    );
  });

  it('refuses a lone surrogate in a field name', () => {
    expect(() => run({ ['\ud800']: 1 }, { metatype: LoginBody })).toThrow(
      'a field name in the body contains invalid Unicode',
    );
  });

  it('lets raw payloads (no DTO class) through: ingestion makes them storable instead', () => {
    const alert = { title: '\ud800\u0000' };
    expect(run(alert, { metatype: Object })).toBe(alert);
  });

  it('accepts paired surrogates (emoji) and ordinary Unicode', () => {
    const body = { name: 'Zoë 🛡️ 日本' };
    expect(run(body, { metatype: LoginBody })).toBe(body);
  });
});

describe(findUnstorableText.name, () => {
  it('returns null for clean values of any shape', () => {
    expect(findUnstorableText({ a: [1, null, { b: 'ok' }] }, '')).toBeNull();
    expect(findUnstorableText(undefined, 'x')).toBeNull();
  });
});
