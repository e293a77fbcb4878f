import {
  addressBucket,
  LOCKOUT_BASE_SECONDS,
  LOCKOUT_CAP_SECONDS,
  lockoutSeconds,
  secondsUntil,
  throttleKeys,
} from './login-throttle.policy';

describe('login throttle policy', () => {
  it('does not lock below the limit, then doubles the lockout up to the cap', () => {
    expect(lockoutSeconds(4, 5)).toBe(0);
    expect(lockoutSeconds(5, 5)).toBe(LOCKOUT_BASE_SECONDS);
    expect(lockoutSeconds(6, 5)).toBe(LOCKOUT_BASE_SECONDS * 2);
    expect(lockoutSeconds(7, 5)).toBe(LOCKOUT_BASE_SECONDS * 4);
    expect(lockoutSeconds(12, 5)).toBe(LOCKOUT_CAP_SECONDS);
    expect(lockoutSeconds(10_000, 5)).toBe(LOCKOUT_CAP_SECONDS);
  });

  it('rounds the remaining lockout up to whole seconds', () => {
    const now = 1_700_000_000_000;
    expect(secondsUntil(null, now)).toBe(0);
    expect(secondsUntil(new Date(now), now)).toBe(0);
    expect(secondsUntil(new Date(now + 1), now)).toBe(1);
    expect(secondsUntil(new Date(now + 60_000), now)).toBe(60);
    expect(secondsUntil(new Date(now + 60_001), now)).toBe(61);
  });

  it('keys an account by its normalized email and a client by its address', () => {
    expect(throttleKeys(' Ada@Example.COM ', '203.0.113.7')).toEqual({
      account: 'acct:ada@example.com',
      address: 'ip:203.0.113.7',
    });
  });

  it('counts IPv6 clients per /64, mapped IPv4 as IPv4, and no address as one bucket', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(addressBucket(undefined)).toBe('unknown');
    expect(addressBucket('garbage')).toBe('unknown');
  });
});
