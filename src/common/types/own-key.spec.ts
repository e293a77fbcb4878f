import { hasOwnKey } from './own-key';

const SCENARIOS = { phishing: 1, bruteforce: 2 };

describe(hasOwnKey.name, () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'does not find the inherited %s',
    (name) => {
      expect(name in SCENARIOS).toBe(true);
      expect(hasOwnKey(SCENARIOS, name)).toBe(false);
    },
  );

  it('finds own entries', () => {
    expect(hasOwnKey(SCENARIOS, 'phishing')).toBe(true);
  });
});
