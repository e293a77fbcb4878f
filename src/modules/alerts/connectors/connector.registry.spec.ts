import { UnknownConnectorError } from './connector.errors';
import {
  isWebhookConnectorName,
  normalizeAlert,
  WEBHOOK_CONNECTOR_NAMES,
} from './connector.registry';
import { falconDetectionSummary } from './fixtures/crowdstrike.fixtures';
import { splunkFailedSshLogin } from './fixtures/splunk.fixtures';
import { suricataMalwareDownload } from './fixtures/suricata.fixtures';
import { wazuhWindowsLogonFailureInLogstash } from './fixtures/wazuh.fixtures';

describe('connector registry', () => {
  it('lists the webhook connectors the HTTP layer exposes', () => {
    expect(WEBHOOK_CONNECTOR_NAMES).toEqual([
      'splunk',
      'wazuh',
      'elastic',
      'suricata',
      'guardduty',
      'generic',
    ]);
    expect(isWebhookConnectorName('wazuh')).toBe(true);
    expect(isWebhookConnectorName('crowdstrike')).toBe(false);
  });

  it('throws a typed error naming the unknown connector', () => {
    expect(() => normalizeAlert('qradar', {})).toThrow(UnknownConnectorError);
    expect(() => normalizeAlert('qradar', {})).toThrow(/qradar/);
  });

  it('normalizes with the named connector, unwrapping its envelopes', () => {
    expect(normalizeAlert('wazuh', wazuhWindowsLogonFailureInLogstash).hostname).toBe(
      'FIN-WS-0042',
    );
    expect(normalizeAlert('splunk', splunkFailedSshLogin).sourceTool).toBe('splunk');
  });

  it('maps a payload that plainly has another known format by that format', () => {
    expect(normalizeAlert('wazuh', suricataMalwareDownload).sourceTool).toBe('suricata');
    expect(normalizeAlert('generic', falconDetectionSummary).sourceTool).toBe('crowdstrike_falcon');
  });

  it("falls back to the named connector's mapping for an unrecognized payload", () => {
    expect(normalizeAlert('suricata', { src_ip: '192.0.2.1' })).toMatchObject({
      sourceTool: 'suricata',
      srcIp: '192.0.2.1',
      title: null,
    });
  });
});
