import {
  applySecretUpdates,
  describeSecretUpdates,
  secretStatus,
  splitSecrets,
} from './integration-secrets';

describe('integration secrets', () => {
  it('separates secret keys from plain settings and drops plain nulls', () => {
    expect(
      splitSecrets({ botToken: 'xoxb-1', signingSecret: null, channel: '#soc', retries: null }, [
        'botToken',
        'signingSecret',
      ]),
    ).toEqual({
      settings: { channel: '#soc' },
      secrets: { botToken: 'xoxb-1', signingSecret: null },
    });
  });

  it('sets, clears and keeps stored secrets', () => {
    const stored = { botToken: 'old', signingSecret: 'keep-me' };
    expect(applySecretUpdates(stored, { botToken: 'new' })).toEqual({
      botToken: 'new',
      signingSecret: 'keep-me',
    });
    expect(applySecretUpdates(stored, { signingSecret: null })).toEqual({ botToken: 'old' });
    expect(stored).toEqual({ botToken: 'old', signingSecret: 'keep-me' });
  });

  it('reports only whether each secret is set, and only key names for the audit', () => {
    expect(secretStatus(['botToken', 'signingSecret'], { botToken: 'xoxb-1' })).toEqual({
      botToken: 'set',
      signingSecret: 'unset',
    });
    expect(describeSecretUpdates({ b: 'value', a: null })).toEqual({ set: ['b'], cleared: ['a'] });
  });
});
