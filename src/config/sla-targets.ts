import { Severity } from '../generated/prisma/enums';
import { ConfigError } from './config.error';

/** How long a case of one severity may wait to be acknowledged and to be resolved. */
export interface SlaTarget {
  acknowledgeSeconds: number;
  resolveSeconds: number;
}

export type SlaTargets = Record<Severity, SlaTarget>;

/** The documented default of SLA_TARGETS (acknowledge/resolve per severity). */
export const DEFAULT_SLA_TARGETS =
  'CRITICAL=15m/4h,HIGH=1h/24h,MEDIUM=4h/72h,LOW=24h/7d,INFO=72h/30d';

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const ENTRY = /^([A-Za-z]+)=(\d+[smhd])\/(\d+[smhd])$/;

/**
 * Parses `SEVERITY=ack/resolve,...` (durations in s, m, h or d). Severities left out keep
 * their default; anything malformed refuses the whole value, naming the bad entry.
 */
export function parseSlaTargets(value: string | undefined): SlaTargets {
  const targets = parseEntries(DEFAULT_SLA_TARGETS);
  return value?.trim() ? { ...targets, ...parseEntries(value) } : targets;
}

function parseEntries(value: string): SlaTargets {
  const targets = {} as SlaTargets;
  for (const raw of value.split(',').map((entry) => entry.trim())) {
    const match = ENTRY.exec(raw);
    const severity = match?.[1].toUpperCase() as Severity | undefined;
    if (!match || !severity || !(severity in Severity))
      throw new ConfigError(
        `SLA_TARGETS entry "${raw}" must look like SEVERITY=<acknowledge>/<resolve> with a ` +
          `severity of ${Object.values(Severity).join(', ')} and durations such as 15m, 4h or 7d`,
      );
    if (severity in targets) throw new ConfigError(`SLA_TARGETS names ${severity} twice`);
    const target = { acknowledgeSeconds: seconds(match[2]), resolveSeconds: seconds(match[3]) };
    if (target.acknowledgeSeconds <= 0 || target.resolveSeconds < target.acknowledgeSeconds)
      throw new ConfigError(
        `SLA_TARGETS ${severity}: the targets must be positive and resolve must not be shorter than acknowledge`,
      );
    targets[severity] = target;
  }
  return targets;
}

function seconds(duration: string): number {
  return Number(duration.slice(0, -1)) * SECONDS_PER_UNIT[duration.slice(-1)];
}
