import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { splunkFailedSshLogin, splunkStatsRow } from './fixtures/splunk.fixtures';
import { wazuhSshBruteForce } from './fixtures/wazuh.fixtures';
import { SplunkConnector } from './splunk.connector';

describe(SplunkConnector.name, () => {
  const connector = new SplunkConnector();

  it('maps a webhook result row with CIM fields', () => {
    expect(connector.normalize(splunkFailedSshLogin)).toEqual({
      sourceTool: 'splunk',
      title: 'Excessive failed SSH logins',
      description:
        'Jun  1 16:00:34 bastion-01 sshd[4242]: Failed password for svc-backup from 198.51.100.23 port 51515 ssh2',
      eventTime: '2024-05-31T16:00:34.512Z',
      srcIp: '198.51.100.23',
      srcPort: 51515,
      dstIp: '10.20.0.5',
      dstPort: 22,
      hostname: 'bastion-01',
      username: 'svc-backup',
      ruleId: null,
      ruleName: 'Excessive failed SSH logins',
      sourceSeverity: 80,
      sourceSeverityLabel: 'high',
      tags: ['authentication', 'failure'],
    });
  });

  it('gives null for every field a stats row lacks, including a null search name', () => {
    expect(connector.normalize(splunkStatsRow)).toEqual(buildNormalizedAlert('splunk', {}));
  });

  it('treats an empty USER as absent rather than as a user name', () => {
    const result = { ...(splunkFailedSshLogin.result as object), user: '' };
    expect(connector.normalize({ ...splunkFailedSshLogin, result }).username).toBeNull();
  });

  it('gives no source for a multivalue src_ip (stats values(src_ip)), only for a single one', () => {
    const result = {
      ...(splunkFailedSshLogin.result as object),
      src_ip: ['198.51.100.23', '198.51.100.24'],
      dest: ['10.20.0.5'],
    };
    expect(connector.normalize({ ...splunkFailedSshLogin, result })).toMatchObject({
      srcIp: null,
      dstIp: '10.20.0.5',
    });
  });

  it('recognizes webhook bodies only', () => {
    expect(connector.recognizes(splunkStatsRow)).toBe(true);
    expect(connector.recognizes(wazuhSshBruteForce)).toBe(false);
  });
});
