import type { NormalizedAlert } from '../normalization/normalized-alert';
import { alertFingerprint } from './fingerprint';

const base: NormalizedAlert = {
  sourceTool: 'wazuh',
  title: 'sshd: brute force',
  description: null,
  eventTime: '2026-11-21T10:00:00.000Z',
  srcIp: '203.0.113.7',
  srcPort: 51234,
  dstIp: null,
  dstPort: null,
  hostname: 'web-01',
  username: 'admin',
  ruleId: '5712',
  ruleName: 'sshd: brute force',
  sourceSeverity: 55,
  sourceSeverityLabel: 'medium',
  tags: [],
};

describe(alertFingerprint.name, () => {
  it('ignores what changes between repeats (time, ports, description)', () => {
    const repeat = {
      ...base,
      eventTime: '2026-11-21T10:05:00.000Z',
      srcPort: 40000,
      description: 'again',
    };
    expect(alertFingerprint('wazuh', repeat, [], {})).toBe(alertFingerprint('wazuh', base, [], {}));
  });

  it('differs by source, rule and key parties', () => {
    const fp = alertFingerprint('wazuh', base, [], {});
    expect(alertFingerprint('splunk', base, [], {})).not.toBe(fp);
    expect(alertFingerprint('wazuh', { ...base, ruleId: '5710' }, [], {})).not.toBe(fp);
    expect(alertFingerprint('wazuh', { ...base, srcIp: '198.51.100.1' }, [], {})).not.toBe(fp);
    expect(alertFingerprint('wazuh', { ...base, username: 'root' }, [], {})).not.toBe(fp);
  });

  it('falls back to external indicators when the alert names no parties', () => {
    const bare = { ...base, srcIp: null, hostname: null, username: null };
    const a = alertFingerprint(
      'generic',
      bare,
      [
        { type: 'domain', value: 'evil.example', internal: false },
        { type: 'ipv4', value: '10.0.0.5', internal: true },
      ],
      { id: 1 },
    );
    const b = alertFingerprint(
      'generic',
      bare,
      [{ type: 'domain', value: 'evil.example', internal: false }],
      { id: 2 },
    );
    const c = alertFingerprint(
      'generic',
      bare,
      [{ type: 'domain', value: 'other.example', internal: false }],
      { id: 1 },
    );
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('merges an alert with no rule and no parties only with an identical payload', () => {
    const anonymous = {
      ...base,
      title: null,
      ruleId: null,
      ruleName: null,
      srcIp: null,
      hostname: null,
      username: null,
    };
    const first = alertFingerprint('generic', anonymous, [], { msg: 'disk full' });
    expect(alertFingerprint('generic', anonymous, [], { msg: 'disk full' })).toBe(first);
    expect(alertFingerprint('generic', anonymous, [], { msg: 'CPU hot' })).not.toBe(first);
  });
});
