import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { FeedIndex } from './feed-index';

export interface FeedSource {
  /** Shown in summaries ("listed in feed <name>"). */
  name: string;
  /** File path or http(s) URL. */
  location: string;
  /** Default: csv when the location ends in .csv, else text. */
  format?: 'text' | 'csv';
  /** CSV column: 0-based index, or a header name (the first row is then a header). Default 0. */
  column?: number | string;
}

export interface FeedLimits {
  maxBytes: number;
  maxEntries: number;
  maxLineLength: number;
}

export interface FeedLoad {
  index: FeedIndex;
  /** Lines that were neither comments nor indicators. */
  skipped: number;
  /** True when a byte or entry limit cut the feed short. */
  truncated: boolean;
}

export type StreamOpener = (url: string) => Promise<Readable>;

/** Streams a feed line by line into a fresh index; memory stays within the limits. */
export async function loadFeed(
  source: FeedSource,
  openUrl: StreamOpener,
  limits: FeedLimits,
): Promise<FeedLoad> {
  const stream = /^https?:\/\//i.test(source.location)
    ? await openUrl(source.location)
    : createReadStream(source.location);
  const parse = lineParser(source);
  const index = new FeedIndex();
  const result: FeedLoad = { index, skipped: 0, truncated: false };
  const take = (line: string): boolean => {
    const value = parse(line);
    if (value !== undefined && !index.add(value)) result.skipped++;
    return index.size < limits.maxEntries;
  };
  try {
    result.truncated = !(await forEachLine(stream, limits, take, () => result.skipped++));
  } finally {
    stream.destroy();
  }
  return result;
}

/** Calls `take` per line until it returns false; false when a limit stopped the read. */
async function forEachLine(
  stream: Readable,
  limits: FeedLimits,
  take: (line: string) => boolean,
  onOverlong: () => void,
): Promise<boolean> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let pending = '';
  let overlong = false;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    bytes += chunk.length;
    if (bytes > limits.maxBytes) return false;
    const lines = (pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split(
      '\n',
    );
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!overlong && !take(line)) return false;
      overlong = false;
    }
    // A line longer than any indicator is dropped as it streams in, not buffered.
    if (pending.length > limits.maxLineLength) {
      if (!overlong) onOverlong();
      overlong = true;
      pending = '';
    }
  }
  pending += decoder.end();
  return overlong || pending === '' ? true : take(pending);
}

/** Maps a raw line to the value to index, or undefined for blanks, comments and headers. */
function lineParser(source: FeedSource): (line: string) => string | undefined {
  const csv = source.format ? source.format === 'csv' : /\.csv(?:$|\?)/i.test(source.location);
  let column = typeof source.column === 'number' ? source.column : 0;
  let awaitingHeader = csv && typeof source.column === 'string';
  return (raw) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('//')) {
      return undefined;
    }
    if (!csv) return textValue(line);
    const fields = splitCsv(line);
    if (awaitingHeader) {
      awaitingHeader = false;
      const wanted = String(source.column).toLowerCase();
      column = fields.findIndex((f) => f.toLowerCase() === wanted);
      if (column < 0) throw new RangeError(`feed ${source.name}: no CSV column "${wanted}"`);
      return undefined;
    }
    return fields[column];
  };
}

/** "value", "value # note", "value ; note" and hosts-file lines ("0.0.0.0 evil.example"). */
function textValue(line: string): string | undefined {
  const tokens = line.replace(/\s[#;].*$/, '').split(/\s+/);
  const sinkhole = tokens.length > 1 && ['0.0.0.0', '127.0.0.1', '::'].includes(tokens[0]);
  return sinkhole ? tokens[1] : tokens[0];
}

/** Enough CSV for block lists: commas, double-quoted fields, "" escapes. */
function splitCsv(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field.trim());
  return fields;
}
