import fc from 'fast-check';
import type { JsonObject } from '../../../common/types/json';
import { hasPublicSuffix } from '../../../common/indicators/domain-name';
import { parseReportableIp } from '../../../common/indicators/ip-address';
import { ObservableExtractor } from './observable-extractor';
import { STIX_TYPE_BY_INDICATOR, type ExtractedObservable } from './observable.types';

const extractor = new ObservableExtractor();

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc
  .tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet)
  .filter(([first]) => first !== 127)
  .map((parts) => parts.join('.'));
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
const domain = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'net', 'org', 'io', 'top', 'info'),
  )
  .map(([labels, tld]) => [...labels, tld].join('.'));
const path = fc.stringMatching(/^\/[A-Za-z0-9_\-/]{0,12}$/);
const url = fc
  .tuple(fc.constantFrom('http', 'https'), fc.oneof(domain, ipv4), path)
  .map(([scheme, host, rest]) => `${scheme}://${host}${rest}`);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}[a-z0-9]$/), domain)
  .filter(([local]) => !local.includes('..'))
  .map(([local, host]) => `${local}@${host}`);
const hexOf = (length: number) =>
  fc
    .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length })
    .filter((hex) => !/^\d+$/.test(hex) && !/^(.)\1*$/.test(hex));
const hash = fc.oneof(hexOf(32), hexOf(40), hexOf(64));
const indicator = fc.oneof(ipv4, domain, url, email, hash);
const indicatorText = fc
  .array(indicator, { minLength: 1, maxLength: 8 })
  .map((items) => items.join(' '));
const noisyText = fc
  .array(
    fc.oneof(
      indicator,
      fc.string({ maxLength: 20 }),
      fc.constantFrom('[.]', 'hxxp', ':', '@', '//'),
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

function defang(text: string): string {
  return text
    .replace(/\./g, '[.]')
    .replace(/@/g, '[@]')
    .replace(/\bhttp/g, 'hxxp');
}

function isValidObservable({ type, value, stixType }: ExtractedObservable): boolean {
  if (stixType !== STIX_TYPE_BY_INDICATOR[type]) return false;
  switch (type) {
    case 'ipv4':
    case 'ipv6':
      return parseReportableIp(value)?.type === type;
    case 'domain':
      return hasPublicSuffix(value);
    case 'email':
      return /^[^@\s]+@[^@\s]+$/.test(value) && hasPublicSuffix(value.split('@')[1]);
    case 'url':
      return /^[a-z][a-z0-9+.-]*:\/\/\S+$/.test(value);
    case 'md5':
      return /^[0-9a-f]{32}$/.test(value);
    case 'sha1':
      return /^[0-9a-f]{40}$/.test(value);
    case 'sha256':
      return /^[0-9a-f]{64}$/.test(value);
  }
}

const asSet = (observables: ExtractedObservable[]) =>
  observables.map(({ type, value }) => `${type} ${value}`).sort();

describe(`${ObservableExtractor.name} properties`, () => {
  it('never throws on arbitrary strings or JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        extractor.extractFromText(text);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        extractor.extract({ value } as JsonObject);
      }),
    );
  });

  it('returns only valid values of their type', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        expect(extractor.extractFromText(text).every(isValidObservable)).toBe(true);
      }),
    );
  });

  it('finds the same indicators in defanged text as in plain text', () => {
    fc.assert(
      fc.property(indicatorText, (text) => {
        expect(asSet(extractor.extractFromText(defang(text)))).toEqual(
          asSet(extractor.extractFromText(text)),
        );
      }),
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.oneof(indicatorText, noisyText), (text) => {
        const first = extractor.extractFromText(text);
        const again = extractor.extractFromText(first.map((o) => o.value).join('\n'));
        expect(asSet(again)).toEqual(asSet(first));
      }),
    );
  });

  it('finds every generated indicator in plain text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(ipv4, hash, email), { minLength: 1, maxLength: 6 }),
        (items) => {
          const found = new Set(extractor.extractFromText(items.join(' ')).map((o) => o.value));
          expect(items.every((item) => found.has(item) || parseReportableIp(item) === null)).toBe(
            true,
          );
        },
      ),
    );
  });
});
