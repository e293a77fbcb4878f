import { ConfigError } from './config.error';
import { parseSlaTargets } from './sla-targets';

describe(parseSlaTargets.name, () => {
  it('has the documented defaults', () => {
    expect(parseSlaTargets(undefined)).toEqual({
      CRITICAL: { acknowledgeSeconds: 900, resolveSeconds: 4 * 3600 },
      HIGH: { acknowledgeSeconds: 3600, resolveSeconds: 24 * 3600 },
      MEDIUM: { acknowledgeSeconds: 4 * 3600, resolveSeconds: 72 * 3600 },
      LOW: { acknowledgeSeconds: 24 * 3600, resolveSeconds: 7 * 86400 },
      INFO: { acknowledgeSeconds: 72 * 3600, resolveSeconds: 30 * 86400 },
    });
  });

  it('overrides the named severities and keeps the defaults of the others', () => {
    const targets = parseSlaTargets(' critical=30s/10m , LOW=2d/14d');
    expect(targets.CRITICAL).toEqual({ acknowledgeSeconds: 30, resolveSeconds: 600 });
    expect(targets.LOW).toEqual({ acknowledgeSeconds: 2 * 86400, resolveSeconds: 14 * 86400 });
    expect(targets.HIGH).toEqual({ acknowledgeSeconds: 3600, resolveSeconds: 86400 });
  });

  it.each([
    ['an unknown severity', 'URGENT=1h/4h', /URGENT=1h\/4h/],
    ['a missing unit', 'HIGH=60/4h', /HIGH=60\/4h/],
    ['a missing resolve target', 'HIGH=1h', /HIGH=1h/],
    ['an unknown unit', 'HIGH=1w/4w', /HIGH=1w\/4w/],
    ['a zero target', 'HIGH=0m/4h', /must be positive/],
    ['resolve before acknowledge', 'HIGH=4h/1h', /must not be shorter/],
    ['a severity named twice', 'HIGH=1h/4h,high=2h/8h', /HIGH twice/],
    ['an empty entry', 'HIGH=1h/4h,', /SLA_TARGETS entry ""/],
  ])('refuses %s with a message naming it', (_case, value, message) => {
    expect(() => parseSlaTargets(value)).toThrow(ConfigError);
    expect(() => parseSlaTargets(value)).toThrow(message);
  });
});
