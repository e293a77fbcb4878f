import {
  cleanDomain,
  hasAmbiguousSuffix,
  hasPublicSuffix,
  isServiceDomain,
  isWithinDomains,
} from './domain-name';

describe('domain-name', () => {
  it('cleans wildcard prefixes, root dots and case', () => {
    expect(cleanDomain(' *.BadSSL.com. ')).toBe('badssl.com');
  });

  it.each([
    ['l2.io', true],
    ['evil.co.uk', true],
    ['x.example.dev', true],
    ['rule.level', false],
    ['invoice.exe', false],
    ['data.srcip', false],
    ['host.local', false],
    ['ip-10-0-0-1.ec2.internal', false],
    ['localhost.localdomain', false],
    ['a_b.example.com', false],
    ['python3.10', false],
  ])('knows whether %s has a public suffix', (domain, expected) => {
    expect(hasPublicSuffix(domain)).toBe(expected);
  });

  it('recognizes cloud service identifiers', () => {
    expect(isServiceDomain('ec2.amazonaws.com')).toBe(true);
    expect(isServiceDomain('type.googleapis.com')).toBe(true);
    expect(isServiceDomain('k8s.io')).toBe(true);
    expect(isServiceDomain('evil-amazonaws.com')).toBe(false);
  });

  it('flags suffixes that are also file extensions or field words', () => {
    expect(hasAmbiguousSuffix('setup.py')).toBe(true);
    expect(hasAmbiguousSuffix('agent.name')).toBe(true);
    expect(hasAmbiguousSuffix('evil.top')).toBe(false);
  });

  it('matches a domain and its subdomains only', () => {
    expect(isWithinDomains('a.corp.example.com', ['corp.example.com'])).toBe(true);
    expect(isWithinDomains('corp.example.com', ['corp.example.com'])).toBe(true);
    expect(isWithinDomains('notcorp.example.com', ['corp.example.com'])).toBe(false);
  });
});
