import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { INDICATOR_TYPES, type IndicatorType } from '../../src/common/indicators/indicator';
import type { JsonObject } from '../../src/common/types/json';

/** What a pipeline produced for one alert (the HTTP API's `normalized` and `observables`). */
export interface ConformanceResult {
  normalized: Partial<Record<ComparedField | 'sourceTool' | 'sourceSeverityLabel', unknown>>;
  observables: readonly { type: string; value: string }[];
}

export type ConformanceRunner = (
  connector: string,
  payload: JsonObject,
) => Promise<ConformanceResult>;

export const COMPARED_FIELDS = [
  'srcIp',
  'dstIp',
  'hostname',
  'username',
  'eventTime',
  'title',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface IocScore {
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
}

export interface FieldScore {
  correct: number;
  total: number;
  accuracy: number;
}

export interface FileMisses {
  file: string;
  fields: { field: string; expected: unknown; actual: unknown }[];
  missingIocs: string[];
  extraIocs: string[];
}

export interface ConformanceReport {
  files: number;
  iocsByType: Record<IndicatorType, IocScore>;
  iocs: IocScore;
  fieldsByName: Record<ComparedField, FieldScore>;
  fields: FieldScore;
  /** Checked and reported, outside the field accuracy figure. */
  sourceTool: FieldScore;
  severityLabel: FieldScore;
  misses: FileMisses[];
  /** The whole report as printable text (formatConformanceReport). */
  text: string;
}

interface ExpectedAlert {
  source_tool: string;
  title: string | null;
  severity_hint: string;
  timestamp_utc: string | null;
  src_ip: string | null;
  dst_ip: string | null;
  hostname: string | null;
  username: string | null;
  iocs: Record<IndicatorType, string[]>;
}

const EXPECTED_KEY_BY_FIELD: Record<ComparedField, keyof ExpectedAlert> = {
  srcIp: 'src_ip',
  dstIp: 'dst_ip',
  hostname: 'hostname',
  username: 'username',
  eventTime: 'timestamp_utc',
  title: 'title',
};
/** Corpus folders whose alerts arrive through their own webhook; all others come through generic. */
const OWN_CONNECTOR_FOLDERS = new Set(['splunk', 'wazuh', 'elastic', 'suricata', 'guardduty']);

export function connectorForFolder(folder: string): string {
  return OWN_CONNECTOR_FOLDERS.has(folder) ? folder : 'generic';
}

/**
 * Runs every corpus alert (`<dir>/<tool>/<name>.json`, expectations in
 * `<dir>/expected/<tool>/<name>.expected.json`) through `run` and scores it by EXPECTED.md:
 * IOC recall/precision per type as sets, field accuracy with timestamps as instants (ms).
 */
export async function runCorpusConformance(
  corpusDir: string,
  run: ConformanceRunner,
): Promise<ConformanceReport> {
  const report = emptyReport();
  for (const { folder, file } of await listAlerts(corpusDir)) {
    const name = `${folder}/${file}`;
    const payload = JSON.parse(await readFile(path.join(corpusDir, name), 'utf8')) as JsonObject;
    const expectedPath = path.join(
      corpusDir,
      'expected',
      folder,
      file.replace(/\.json$/, '.expected.json'),
    );
    const expected = JSON.parse(await readFile(expectedPath, 'utf8')) as ExpectedAlert;
    const result = await run(connectorForFolder(folder), payload);
    report.files += 1;
    const misses: FileMisses = { file: name, fields: [], missingIocs: [], extraIocs: [] };
    scoreFields(report, expected, result, misses);
    scoreIocs(report, expected, result, misses);
    if (misses.fields.length + misses.missingIocs.length + misses.extraIocs.length > 0) {
      report.misses.push(misses);
    }
  }
  finishScores(report);
  report.text = formatConformanceReport(report);
  return report;
}

async function listAlerts(corpusDir: string): Promise<{ folder: string; file: string }[]> {
  const entries = await readdir(corpusDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && entry.name !== 'expected')
    .map((entry) => entry.name)
    .sort();
  const alerts: { folder: string; file: string }[] = [];
  for (const folder of folders) {
    const files = (await readdir(path.join(corpusDir, folder))).filter((f) => f.endsWith('.json'));
    alerts.push(...files.sort().map((file) => ({ folder, file })));
  }
  return alerts;
}

function scoreFields(
  report: ConformanceReport,
  expected: ExpectedAlert,
  result: ConformanceResult,
  misses: FileMisses,
): void {
  for (const field of COMPARED_FIELDS) {
    const wanted = expected[EXPECTED_KEY_BY_FIELD[field]];
    const actual = result.normalized[field] ?? null;
    const same = field === 'eventTime' ? sameInstant(wanted, actual) : wanted === actual;
    tally(report.fieldsByName[field], same);
    if (!same) misses.fields.push({ field, expected: wanted, actual });
  }
  const extras: [FieldScore, string, unknown, unknown][] = [
    [report.sourceTool, 'sourceTool', expected.source_tool, result.normalized.sourceTool],
    [
      report.severityLabel,
      'severity',
      expected.severity_hint,
      result.normalized.sourceSeverityLabel,
    ],
  ];
  for (const [score, field, wanted, actual] of extras) {
    tally(score, wanted === actual);
    if (wanted !== actual) misses.fields.push({ field, expected: wanted, actual });
  }
}

function scoreIocs(
  report: ConformanceReport,
  expected: ExpectedAlert,
  result: ConformanceResult,
  misses: FileMisses,
): void {
  for (const type of INDICATOR_TYPES) {
    const wanted = new Set((expected.iocs[type] ?? []).map((value) => comparable(type, value)));
    const found = new Set(
      result.observables.filter((o) => o.type === type).map((o) => comparable(type, o.value)),
    );
    const score = report.iocsByType[type];
    score.expected += wanted.size;
    score.found += found.size;
    for (const value of wanted) {
      if (found.has(value)) score.matched += 1;
      else misses.missingIocs.push(`${type} ${value}`);
    }
    for (const value of found) if (!wanted.has(value)) misses.extraIocs.push(`${type} ${value}`);
  }
}

/** Hashes, domains, emails and IPv6 compare case-insensitively; URLs by lowercased scheme and host. */
function comparable(type: IndicatorType, value: string): string {
  if (type === 'url')
    return value.replace(/^([^:]+:\/\/[^/?#]*)/, (prefix) => prefix.toLowerCase());
  return type === 'ipv4' ? value : value.toLowerCase();
}

function sameInstant(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  const wanted = instantMillis(expected);
  return wanted !== null && wanted === instantMillis(actual);
}

/** Milliseconds since the epoch, truncating finer fractions instead of rounding them. */
function instantMillis(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const truncated = value.replace(/(\.\d{3})\d+/, '$1');
  const millis = Date.parse(truncated);
  return Number.isNaN(millis) ? null : millis;
}

function tally(score: FieldScore, correct: boolean): void {
  score.total += 1;
  if (correct) score.correct += 1;
}

function emptyReport(): ConformanceReport {
  const ioc = (): IocScore => ({ expected: 0, found: 0, matched: 0, recall: 1, precision: 1 });
  const field = (): FieldScore => ({ correct: 0, total: 0, accuracy: 1 });
  return {
    files: 0,
    iocsByType: Object.fromEntries(INDICATOR_TYPES.map((t) => [t, ioc()])) as Record<
      IndicatorType,
      IocScore
    >,
    iocs: ioc(),
    fieldsByName: Object.fromEntries(COMPARED_FIELDS.map((f) => [f, field()])) as Record<
      ComparedField,
      FieldScore
    >,
    fields: field(),
    sourceTool: field(),
    severityLabel: field(),
    misses: [],
    text: '',
  };
}

function finishScores(report: ConformanceReport): void {
  for (const score of Object.values(report.iocsByType)) {
    report.iocs.expected += score.expected;
    report.iocs.found += score.found;
    report.iocs.matched += score.matched;
  }
  for (const score of [...Object.values(report.iocsByType), report.iocs]) {
    score.recall = score.expected === 0 ? 1 : score.matched / score.expected;
    score.precision = score.found === 0 ? 1 : score.matched / score.found;
  }
  for (const score of Object.values(report.fieldsByName)) {
    report.fields.correct += score.correct;
    report.fields.total += score.total;
  }
  for (const score of [
    ...Object.values(report.fieldsByName),
    report.fields,
    report.sourceTool,
    report.severityLabel,
  ]) {
    score.accuracy = score.total === 0 ? 1 : score.correct / score.total;
  }
}

/** The report as text: totals, per-type and per-field figures, then each file's misses. */
export function formatConformanceReport(report: ConformanceReport): string {
  const ratio = (value: number) => value.toFixed(3);
  const lines = [`Corpus conformance over ${report.files} alerts`];
  lines.push(
    `IOCs overall: recall ${ratio(report.iocs.recall)} precision ${ratio(report.iocs.precision)} ` +
      `(${report.iocs.matched} matched, ${report.iocs.expected} expected, ${report.iocs.found} found)`,
  );
  for (const [type, score] of Object.entries(report.iocsByType)) {
    lines.push(
      `  ${type.padEnd(7)} recall ${ratio(score.recall)} precision ${ratio(score.precision)} ` +
        `(${score.matched}/${score.expected} expected, ${score.found} found)`,
    );
  }
  lines.push(
    `Fields overall: accuracy ${ratio(report.fields.accuracy)} (${report.fields.correct}/${report.fields.total})`,
  );
  const fieldLines = Object.entries(report.fieldsByName).map(
    ([field, score]) =>
      `  ${field.padEnd(10)} ${ratio(score.accuracy)} (${score.correct}/${score.total})`,
  );
  lines.push(...fieldLines);
  lines.push(
    `  (also) sourceTool ${ratio(report.sourceTool.accuracy)}, severity ${ratio(report.severityLabel.accuracy)}`,
  );
  for (const miss of report.misses) {
    lines.push(`Misses in ${miss.file}:`);
    for (const field of miss.fields) {
      lines.push(
        `  ${field.field}: expected ${JSON.stringify(field.expected)}, got ${JSON.stringify(field.actual)}`,
      );
    }
    if (miss.missingIocs.length > 0) lines.push(`  missing IOCs: ${miss.missingIocs.join(', ')}`);
    if (miss.extraIocs.length > 0) lines.push(`  extra IOCs: ${miss.extraIocs.join(', ')}`);
  }
  return lines.join('\n');
}
