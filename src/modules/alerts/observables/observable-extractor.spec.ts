import type { JsonObject } from '../../../common/types/json';
import { normalizeAlert } from '../connectors/connector.registry';
import { falconDetectionSummary } from '../connectors/fixtures/crowdstrike.fixtures';
import { elasticNetworkAlert } from '../connectors/fixtures/elastic.fixtures';
import {
  guardDutyAsffInSecurityHubEvent,
  guardDutySdkPascalCaseFinding,
  guardDutySshBruteForceEvent,
} from '../connectors/fixtures/guardduty.fixtures';
import {
  defenderEndpointAlert,
  graphAlertListResponse,
  graphSecurityAlert,
} from '../connectors/fixtures/microsoft.fixtures';
import { suricataMalwareDownload } from '../connectors/fixtures/suricata.fixtures';
import {
  wazuhCriticalFileChange,
  wazuhWindowsLogonFailureInLogstash,
} from '../connectors/fixtures/wazuh.fixtures';
import { theHiveAlertWithArtifacts } from '../connectors/fixtures/zeek-thehive.fixtures';
import { MAX_OBSERVABLES_PER_ALERT, ObservableExtractor } from './observable-extractor';

const extractor = new ObservableExtractor();
const iocsOf = (connector: string, payload: JsonObject) =>
  extractor
    .extract(payload, normalizeAlert(connector, payload))
    .map(({ type, value }) => `${type} ${value}`);

describe(ObservableExtractor.name, () => {
  it('Suricata: leaves out JA3/JA3S, the certificate fingerprint, rule text, user agent and issuer', () => {
    expect(iocsOf('suricata', suricataMalwareDownload)).toEqual([
      'ipv4 10.50.1.23',
      'ipv4 198.51.100.80',
      'domain dl.stealer-payloads.example.net',
      'url http://landing.phish-kit.example.org/index.html',
      'domain landing.phish-kit.example.org',
      'domain cdn.stealer-payloads.example.net',
      'domain stealer-payloads.example.net',
      'md5 5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d',
      'sha1 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
      'sha256 b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4',
    ]);
  });

  it('Elastic: leaves out the console link, the alert uuid, rule references and the agent FQDN', () => {
    expect(iocsOf('elastic', elasticNetworkAlert)).toEqual([
      'ipv4 10.1.2.3',
      'ipv4 203.0.113.9',
      'domain cdn.bad-updates.example.com',
      'url https://update.malicious-cdn.net/stage2/payload.bin',
      'domain update.malicious-cdn.net',
      'ipv6 fe80::a00:27ff:fe4e:66a1',
      'sha256 4d3c2b1a0f9e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a49382716f5e4d',
    ]);
  });

  it('GuardDuty: leaves out finding/detector ids, ARNs, instance DNS names and ISP names', () => {
    expect(iocsOf('guardduty', guardDutySshBruteForceEvent)).toEqual([
      'ipv4 198.51.100.33',
      'ipv4 10.0.1.20',
      'ipv4 192.0.2.10',
    ]);
    expect(iocsOf('guardduty', guardDutySdkPascalCaseFinding)).toEqual(['ipv4 198.51.100.77']);
    expect(iocsOf('guardduty', guardDutyAsffInSecurityHubEvent)).toEqual([
      'ipv4 198.51.100.34',
      'ipv4 10.0.1.20',
    ]);
  });

  it('CrowdStrike: refangs the command line, drops console link, sensor id, host groups, zero hash', () => {
    expect(iocsOf('generic', falconDetectionSummary)).toEqual([
      'url http://files.droppr.example.com/a.ps1',
      'domain files.droppr.example.com',
      'sha256 c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee01',
      'md5 7c3f9b2d1e0a4f5b6c7d8e9fa0b1c2d3',
      'ipv4 10.9.8.7',
      'ipv4 198.51.100.140',
      'ipv4 198.51.100.141',
    ]);
  });

  it('Defender: takes evidence and the user principal, not the assignee or comment authors', () => {
    expect(iocsOf('generic', defenderEndpointAlert)).toEqual([
      'ipv4 203.0.113.64',
      'sha1 1f2e3d4c5b6a79880796a5b4c3d2e1f0a9b8c7d6',
      'sha256 2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071',
      'url https://beacon.cs-c2.example.net/jquery-3.3.1.min.js',
      'domain beacon.cs-c2.example.net',
      'email k.tanaka@contoso.example.com',
    ]);
  });

  it('Graph: leaves out web URLs, recommended-action links and the MDE device id', () => {
    expect(iocsOf('generic', graphSecurityAlert)).toEqual([
      'ipv4 10.60.0.7',
      'ipv4 192.0.2.7',
      'url http://198.51.100.9/x.exe',
      'ipv4 198.51.100.9',
      'sha1 6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a',
      'sha256 7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f',
    ]);
  });

  it("Graph list response: leaves out the @odata.context API link and the account's directory domain", () => {
    expect(iocsOf('generic', graphAlertListResponse)).toEqual([
      'email r.silva@contoso.example.com',
      'ipv4 203.0.113.66',
    ]);
  });

  it('Wazuh: dedupes hashes seen in fields and in the log line; the host FQDN is not a domain', () => {
    expect(iocsOf('wazuh', wazuhCriticalFileChange)).toEqual([
      'ipv4 10.0.5.10',
      'md5 0f4c2a1b9d8e7f6a5b4c3d2e1f0a9b8c',
      'md5 1a2b3c4d5e6f708192a3b4c5d6e7f809',
      'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ]);
    expect(iocsOf('wazuh', wazuhWindowsLogonFailureInLogstash)).toEqual([
      'ipv4 192.0.2.145',
      'ipv4 10.12.8.42',
    ]);
  });

  it('TheHive: reads typed artifacts, lowercases hashes, skips the SOC author', () => {
    expect(iocsOf('generic', theHiveAlertWithArtifacts)).toEqual([
      'email payroll-update@fake-hr.example.com',
      'url https://fake-hr.example.com/login',
      'domain fake-hr.example.com',
      'md5 abcdef0123456789abcdef0123456789',
    ]);
  });

  it('gives each observable its STIX type and marks internal ones', () => {
    const custom = new ObservableExtractor({
      internalCidrs: ['198.51.100.0/24'],
      internalDomains: ['corp.example.com'],
    });
    const observables = custom.extract({
      text: '10.0.0.1 198.51.100.1 203.0.113.1 x.corp.example.com evil.example.net a@corp.example.com http://x.corp.example.com/a',
    });
    expect(observables).toEqual([
      { type: 'ipv4', value: '10.0.0.1', stixType: 'ipv4-addr', internal: true },
      { type: 'ipv4', value: '198.51.100.1', stixType: 'ipv4-addr', internal: true },
      { type: 'ipv4', value: '203.0.113.1', stixType: 'ipv4-addr', internal: false },
      { type: 'domain', value: 'x.corp.example.com', stixType: 'domain-name', internal: true },
      { type: 'domain', value: 'evil.example.net', stixType: 'domain-name', internal: false },
      { type: 'email', value: 'a@corp.example.com', stixType: 'email-addr', internal: true },
      { type: 'url', value: 'http://x.corp.example.com/a', stixType: 'url', internal: true },
    ]);
  });

  it('dedupes IPv6 written in different notations, keeping the first', () => {
    const found = extractor.extractFromText('2001:db8::1 2001:0db8:0:0:0:0:0:1 2001:DB8::1');
    expect(found.map((o) => o.value)).toEqual(['2001:db8::1']);
  });

  it('caps the observables of a hostile alert', () => {
    const addresses = Array.from({ length: 2_000 }, (_, i) => `198.18.${i >> 8}.${i & 255}`);
    expect(extractor.extract({ message: addresses.join(' ') })).toHaveLength(
      MAX_OBSERVABLES_PER_ALERT,
    );
  });

  it('handles a 1 MiB alert and deeply nested payloads', () => {
    const big = { message: 'x'.repeat(1_048_576), nested: {} as JsonObject };
    let node = big.nested;
    for (let depth = 0; depth < 5_000; depth++) node = node.n = {} as JsonObject;
    expect(() => normalizeAlert('generic', big)).not.toThrow();
    expect(extractor.extract(big)).toEqual([]);
  });
});
