import { INTEGRATION_DEFINITIONS } from '../../integrations.list';
import type { IntegrationDefinition } from './integration-definition';
import { IntegrationRegistry } from './integration-registry';

const responder = (name: string): IntegrationDefinition => ({
  name,
  kind: 'responder',
  defaults: null,
  secretKeys: [],
});

describe(IntegrationRegistry.name, () => {
  it('holds every provider and responder the app is built with, by name', () => {
    const registry = new IntegrationRegistry(INTEGRATION_DEFINITIONS);
    expect(registry.names()).toEqual(
      expect.arrayContaining(['virustotal', 'mock', 'slack', 'iptables']),
    );
    expect(registry.get('otx')?.kind).toBe('provider');
    expect(registry.get('__proto__')).toBeUndefined();
  });

  it('refuses two definitions of one name', () => {
    expect(() => new IntegrationRegistry([responder('pager'), responder('pager')])).toThrow(
      'defined twice',
    );
  });
});
