import { childScope, policyFor, ROOT_SCOPE, type FieldScope } from './field-policy';

const scopeOf = (...keys: string[]): FieldScope => keys.reduce(childScope, ROOT_SCOPE);
const policyOf = (keys: string[], container: Record<string, string> | null = null) =>
  policyFor(scopeOf(...keys), container);

describe('field policy', () => {
  it.each([
    [['results_link']],
    [['event', 'FalconHostLink']],
    [['kibana.alert.url']],
    [['kibana.alert.rule.parameters', 'query']],
    [['data', 'vulnerability', 'reference']],
    [['assignedTo']],
    [['comments', 'createdBy']],
    [['http', 'http_user_agent']],
    [['rule', 'pci_dss']],
    [['rule', 'info']],
    [['data', 'vulnerability', 'assigner']],
    [['@odata.context']],
  ])('skips %j entirely', (keys) => {
    expect(scopeOf(...keys).skip).toBe(true);
  });

  it('reads hashes from hash fields, and never from ids or fingerprints', () => {
    expect(policyOf(['SHA256String']).hashes).toBe('field');
    expect(policyOf(['syscheck', 'md5_after']).hashes).toBe('field');
    expect(policyOf(['IOCValue']).hashes).toBe('field');
    expect(policyOf(['service', 'detectorId']).hashes).toBe('none');
    expect(policyOf(['machineId']).hashes).toBe('none');
    expect(policyOf(['cid']).hashes).toBe('none');
    expect(policyOf(['tls', 'ja3', 'hash']).hashes).toBe('none');
    expect(policyOf(['win', 'imphash']).hashes).toBe('none');
    expect(policyOf(['full_log']).hashes).toBe('text');
  });

  it('reads a typed value by its sibling type', () => {
    expect(policyOf(['artifacts', 'data'], { dataType: 'hash' }).hashes).toBe('field');
    expect(policyOf(['artifacts', 'data'], { dataType: 'domain' }).domainField).toBe(true);
    expect(policyOf(['artifacts', 'data'], { dataType: 'filename' }).hashes).toBe('text');
  });

  it('keeps the host, cloud services and organisations out of domains', () => {
    expect(policyOf(['agent', 'name']).noDomains).toBe(true);
    expect(policyOf(['computerDnsName']).noDomains).toBe(true);
    expect(policyOf(['publicDnsName']).noDomains).toBe(true);
    expect(policyOf(['eventSource']).noDomains).toBe(true);
    expect(policyOf(['remoteIpDetails', 'organization', 'org']).noDomains).toBe(true);
    expect(policyOf(['http', 'hostname']).noDomains).toBe(false);
    expect(policyOf(['http', 'hostname']).domainField).toBe(true);
    expect(policyOf(['dns', 'question', 'name']).domainField).toBe(true);
  });

  it('keeps the directory domain of an account out of domains', () => {
    expect(policyOf(['user', 'domain']).noDomains).toBe(true);
    expect(policyOf(['evidence', 'userAccount', 'domainName']).noDomains).toBe(true);
    expect(policyOf(['destination', 'domain']).noDomains).toBe(false);
  });

  it('does not read addresses from version fields', () => {
    expect(policyOf(['agent', 'version']).ips).toBe(false);
    expect(policyOf(['src_ip']).ips).toBe(true);
  });
});
