import type { JsonObject } from '../../../common/types/json';
import { CrowdStrikeConnector } from './crowdstrike.connector';
import {
  falconAlertsApiResponse,
  falconDetectionSummary,
  falconEppDetection,
} from './fixtures/crowdstrike.fixtures';
import { defenderEndpointAlert } from './fixtures/microsoft.fixtures';

describe(CrowdStrikeConnector.name, () => {
  const connector = new CrowdStrikeConnector();

  it('maps a legacy DetectionSummaryEvent; a list of network accesses gives no source', () => {
    expect(connector.normalize(falconDetectionSummary)).toEqual({
      sourceTool: 'crowdstrike_falcon',
      title: 'Suspicious PowerShell Download',
      description: 'PowerShell downloaded a file from a remote host.',
      eventTime: '2024-05-06T12:53:20.123Z',
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: 'LAPTOP-RX42',
      username: 'r.diaz',
      ruleId: '10191',
      ruleName: 'Suspicious PowerShell Download',
      sourceSeverity: 80,
      sourceSeverityLabel: 'high',
      tags: ['Execution', 'PowerShell', 'Follow Through'],
    });
  });

  it('maps an EPP detection and counts Informational as low', () => {
    expect(connector.normalize(falconEppDetection)).toMatchObject({
      title: 'Potentially Unwanted Program',
      hostname: 'SRV-FILE-02',
      username: 'svc_scan',
      eventTime: '2024-05-06T13:09:59.000Z',
      sourceSeverity: 30,
      sourceSeverityLabel: 'low',
    });
  });

  it('maps an Alerts API v2 entity out of the API response envelope', () => {
    expect(connector.normalize(falconAlertsApiResponse)).toEqual({
      sourceTool: 'crowdstrike_falcon',
      title: 'Credential Dumping via LSASS Access',
      description: 'A process accessed LSASS memory.',
      eventTime: '2024-05-20T18:30:45.123456789Z',
      srcIp: '192.0.2.77',
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: 'DC-01',
      username: 'administrator',
      ruleId: '10197',
      ruleName: 'Credential Dumping via LSASS Access',
      sourceSeverity: 90,
      sourceSeverityLabel: 'critical',
      tags: ['Credential Access', 'OS Credential Dumping'],
    });
  });

  it('reads a numeric-only 0-100 severity with its class (70 is high)', () => {
    const event = { ...(falconEppDetection.event as object), Severity: 70, SeverityName: '' };
    expect(connector.normalize({ ...falconEppDetection, event })).toMatchObject({
      sourceSeverity: 70,
      sourceSeverityLabel: 'high',
    });
  });

  it('recognizes streaming events and API entities only', () => {
    const [entity] = falconAlertsApiResponse.resources as JsonObject[];
    expect(connector.recognizes(falconDetectionSummary)).toBe(true);
    expect(connector.recognizes(entity)).toBe(true);
    expect(connector.recognizes(falconAlertsApiResponse)).toBe(false);
    expect(connector.recognizes(defenderEndpointAlert)).toBe(false);
  });
});
