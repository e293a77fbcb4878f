import type { JsonValue } from '../../../common/types/json';

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^(\d{1,19})(?:\.(\d{1,9}))?$/;
/** Digits of the epoch integer part beyond which the unit is ms, µs, ns (seconds up to year 5138). */
const EPOCH_UNIT_BY_LENGTH: readonly [maxDigits: number, fractionDigits: number][] = [
  [11, 0],
  [14, 3],
  [17, 6],
  [20, 9],
];

/**
 * Converts a vendor timestamp to UTC ISO-8601 with `Z`, keeping the source's fractional digits.
 * Accepts ISO with `Z`/`±hh:mm`/`±hhmm` offsets, epoch seconds/ms/µs/ns as numbers or strings,
 * and any other date text with an explicit four-digit year. Anything else gives null.
 */
export function toUtcTimestamp(value: JsonValue | undefined): string | null {
  if (typeof value === 'number')
    return Number.isFinite(value) ? fromEpochText(numberText(value)) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (EPOCH.test(text)) return fromEpochText(text);
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) return fromIsoParts(iso);
  return fromFreeText(text);
}

function numberText(value: number): string {
  const plain = String(value);
  return plain.includes('e') ? value.toFixed(6) : plain;
}

function fromEpochText(text: string): string | null {
  const match = EPOCH.exec(text);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  const unit = EPOCH_UNIT_BY_LENGTH.find(([maxDigits]) => whole.length <= maxDigits);
  if (!unit) return null;
  const [, unitDigits] = unit;
  const cut = whole.length - unitDigits;
  const secondsText = cut > 0 ? whole.slice(0, cut) : '0';
  const subSecond = unitDigits > 0 ? whole.slice(Math.max(cut, 0)).padStart(unitDigits, '0') : '';
  const digits = subSecond + fraction;
  return formatUtc(Number(secondsText) * 1000, digits);
}

function fromIsoParts(parts: RegExpExecArray): string | null {
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] =
    parts;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60) {
    return null;
  }
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  return formatUtc(local - offsetMinutes(zone) * 60_000, fraction);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc)$/i.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromFreeText(text: string): string | null {
  if (!/\b\d{4}\b/.test(text)) return null;
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) return null;
  const milliseconds = ((millis % 1000) + 1000) % 1000;
  return formatUtc(
    millis - milliseconds,
    milliseconds ? String(milliseconds).padStart(3, '0') : '',
  );
}

function formatUtc(wholeSecondMillis: number, fractionDigits: string): string | null {
  const date = new Date(wholeSecondMillis);
  if (Number.isNaN(date.getTime())) return null;
  const seconds = date.toISOString().slice(0, 19);
  return fractionDigits ? `${seconds}.${fractionDigits}Z` : `${seconds}Z`;
}
