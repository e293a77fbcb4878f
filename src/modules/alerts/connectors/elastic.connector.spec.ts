import type { JsonObject } from '../../../common/types/json';
import { ElasticConnector } from './elastic.connector';
import { elasticLegacySignalHit, elasticNetworkAlert } from './fixtures/elastic.fixtures';
import { splunkStatsRow } from './fixtures/splunk.fixtures';

describe(ElasticConnector.name, () => {
  const connector = new ElasticConnector();

  it('maps a Kibana 8 alert with flattened kibana.alert keys and nested ECS fields', () => {
    expect(connector.normalize(elasticNetworkAlert)).toEqual({
      sourceTool: 'elastic',
      title: 'Connection to Known C2 Server',
      description: 'network event with source 10.1.2.3:50432, destination 203.0.113.9:443',
      eventTime: '2024-05-14T09:30:12.345Z',
      srcIp: '10.1.2.3',
      srcPort: 50432,
      dstIp: '203.0.113.9',
      dstPort: 443,
      hostname: 'wks-0815',
      username: 'd.smith',
      ruleId: '3f1c2b7e-8d4a-4c5b-9e6f-0a1b2c3d4e5f',
      ruleName: 'Connection to Known C2 Server',
      sourceSeverity: 73,
      sourceSeverityLabel: 'high',
      tags: ['Network', 'C2', 'Command and Control'],
    });
  });

  it('maps a legacy signal delivered as a search hit', () => {
    expect(connector.normalize(elasticLegacySignalHit)).toEqual({
      sourceTool: 'elastic',
      title: 'Reverse Shell via Netcat',
      description: 'process event with process nc, on linux-build-7 created critical alert.',
      eventTime: '2021-11-02T17:45:00.000Z',
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: 'linux-build-7',
      username: 'jenkins',
      ruleId: 'a1b2c3d4-e5f6-4a5b-8c9d-0e1f2a3b4c5d',
      ruleName: 'Reverse Shell via Netcat',
      sourceSeverity: 99,
      sourceSeverityLabel: 'critical',
      tags: ['Linux', 'Execution'],
    });
  });

  it('keeps a risk score that disagrees with the word inside the word class', () => {
    const skewed = { ...elasticNetworkAlert, 'kibana.alert.risk_score': 21 };
    expect(connector.normalize(skewed)).toMatchObject({
      sourceSeverity: 70,
      sourceSeverityLabel: 'high',
    });
  });

  it('reads one-value ECS lists as the value, and a list of several addresses as no endpoint', () => {
    const listed = {
      'kibana.alert.rule.name': 'Rare outbound connection',
      'kibana.alert.severity': 'medium',
      host: { name: ['wks-0815'], ip: ['10.1.2.3', '198.51.100.14'] },
      user: { name: ['d.smith'] },
      source: { ip: ['10.1.2.3'] },
      destination: { ip: ['203.0.113.9', '203.0.113.10'] },
    };
    expect(connector.normalize(listed)).toMatchObject({
      srcIp: '10.1.2.3',
      dstIp: null,
      hostname: 'wks-0815',
      username: 'd.smith',
    });
  });

  it('recognizes Kibana alerts and legacy signals only', () => {
    expect(connector.recognizes(elasticNetworkAlert)).toBe(true);
    expect(connector.recognizes(elasticLegacySignalHit._source as JsonObject)).toBe(true);
    expect(connector.recognizes(splunkStatsRow)).toBe(false);
  });
});
