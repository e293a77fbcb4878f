import { expectAuditChainValid } from '../helpers/audit';
import { Pool } from 'pg';
import { AuditSealer } from '../../src/modules/audit/audit-sealer';
import type { AppConfig } from '../../src/config/app-config';
import type { Database } from '../../src/database/database';
import {
  LOCKOUT_BASE_SECONDS,
  throttleKeys,
} from '../../src/modules/auth/login-throttle/login-throttle.policy';
import { LoginThrottleRepository } from '../../src/modules/auth/login-throttle/login-throttle.repository';
import { LoginThrottleService } from '../../src/modules/auth/login-throttle/login-throttle.service';
import { ManualClock } from '../fakes/manual-clock.fake';
import { PASSWORD, login, signup } from '../factories/users.factory';
import { createTestDatabase } from '../helpers/test-database';
import { startTestApp, testConfig, type TestApp } from '../helpers/test-app';

/** The service as each process builds it: its own pool, the shared database, a manual clock. */
function throttleOn(pool: Pool, config: AppConfig, clock: ManualClock): LoginThrottleService {
  return new LoginThrottleService(new LoginThrottleRepository({ pool } as Database), config, clock);
}

async function throttledFor(service: LoginThrottleService, email: string, ip: string) {
  try {
    await service.assertAllowed(throttleKeys(email, ip));
    return 0;
  } catch (error) {
    return (error as { retryAfterSeconds: number }).retryAfterSeconds;
  }
}

describe('Login throttle in PostgreSQL, two processes, virtual clock (e2e)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pools: Pool[];
  let clock: ManualClock;
  let first: LoginThrottleService;
  let second: LoginThrottleService;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url, {
      LOGIN_RATE_LIMIT: '3',
      LOGIN_RATE_LIMIT_PER_IP: '5',
      LOGIN_RATE_WINDOW_SECONDS: '900',
    });
    pools = [0, 1].map(() => new Pool({ connectionString: database.url, max: 2 }));
    clock = new ManualClock();
    first = throttleOn(pools[0], config, clock);
    second = throttleOn(pools[1], config, clock);
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database.drop();
  });

  it('counts an account across addresses and processes, then doubles the lockout', async () => {
    const victim = 'victim@example.com';
    await first.recordFailure(throttleKeys(victim, '198.51.100.1'));
    await second.recordFailure(throttleKeys(victim, '198.51.100.2'));
    expect(await throttledFor(first, victim, '198.51.100.3')).toBe(0);
    await first.recordFailure(throttleKeys(victim, '198.51.100.3'));
    // Third failure of three: locked everywhere, from any address, in either process.
    expect(await throttledFor(second, victim, '203.0.113.9')).toBe(LOCKOUT_BASE_SECONDS);
    expect(await throttledFor(first, 'VICTIM@example.com', '203.0.113.9')).toBe(
      LOCKOUT_BASE_SECONDS,
    );
    clock.advance(LOCKOUT_BASE_SECONDS * 1000);
    expect(await throttledFor(first, victim, '203.0.113.9')).toBe(0);
    await second.recordFailure(throttleKeys(victim, '203.0.113.9'));
    expect(await throttledFor(first, victim, '203.0.113.9')).toBe(2 * LOCKOUT_BASE_SECONDS);
    clock.advance(2 * LOCKOUT_BASE_SECONDS * 1000);
    await first.recordFailure(throttleKeys(victim, '203.0.113.9'));
    expect(await throttledFor(first, victim, '203.0.113.9')).toBe(4 * LOCKOUT_BASE_SECONDS);
  });

  it('forgives an account after a whole quiet window, and at once after a success', async () => {
    const user = 'forgetful@example.com';
    await first.recordFailure(throttleKeys(user, '198.51.100.20'));
    await first.recordFailure(throttleKeys(user, '198.51.100.21'));
    clock.advance(900_001);
    await first.recordFailure(throttleKeys(user, '198.51.100.22'));
    await first.recordFailure(throttleKeys(user, '198.51.100.23'));
    expect(await throttledFor(first, user, '198.51.100.24')).toBe(0);
    await second.recordSuccess(throttleKeys(user, '198.51.100.24'));
    await first.recordFailure(throttleKeys(user, '198.51.100.25'));
    await first.recordFailure(throttleKeys(user, '198.51.100.26'));
    expect(await throttledFor(first, user, '198.51.100.27')).toBe(0);
  });

  it('counts one address across accounts (a password spray)', async () => {
    const sprayer = '192.0.2.66';
    for (let i = 0; i < 5; i++) {
      await (i % 2 ? first : second).recordFailure(throttleKeys(`user${i}@example.com`, sprayer));
    }
    expect(await throttledFor(first, 'fresh@example.com', sprayer)).toBe(LOCKOUT_BASE_SECONDS);
    expect(await throttledFor(first, 'fresh@example.com', '192.0.2.67')).toBe(0);
  });

  it('counts concurrent failures exactly once each', async () => {
    const keys = throttleKeys('burst@example.com', '192.0.2.99');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).recordFailure(keys)),
    );
    const { rows } = await pools[0].query<{ failures: number }>(
      'SELECT failures FROM login_throttle WHERE key = $1',
      [keys.account],
    );
    expect(rows[0].failures).toBe(10);
  });
});

describe('Login throttling over HTTP (e2e)', () => {
  let t: TestApp;
  const auditRows = async () => {
    await t.app.get(AuditSealer).sealPending();
    return t.prisma.auditLog.count({ where: { action: 'auth.login_failed' } });
  };
  const attempt = (email: string, password = 'wrong-password') =>
    t.http().post('/auth/login').send({ email, password });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_LIMIT_PER_IP: '8' });
    await signup(t, 'victim@example.com');
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After past the limit for one account, not for another', async () => {
    for (let i = 0; i < 3; i++) await attempt('victim@example.com').expect(401);
    const locked = await attempt('victim@example.com', PASSWORD).expect(429);
    expect(locked.headers['retry-after']).toBe(String(LOCKOUT_BASE_SECONDS));
    expect(locked.body).toMatchObject({ code: 'AUTH_LOGIN_THROTTLED' });
    await attempt('other@example.com', PASSWORD).expect(401);
  });

  it('lets the account in again after the lockout, and a success clears its count', async () => {
    await t.prisma.loginThrottle.update({
      where: { key: 'acct:victim@example.com' },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    await login(t, 'victim@example.com');
    expect(await t.prisma.loginThrottle.count({ where: { key: 'acct:victim@example.com' } })).toBe(
      0,
    );
  });

  it('throttles a spray of unknown emails before it writes audit rows', async () => {
    await t.prisma.loginThrottle.deleteMany({});
    for (let i = 0; i < 8; i++) await attempt(`sprayed${i}@example.com`).expect(401);
    const before = await auditRows();
    for (let i = 0; i < 20; i++) {
      const response = await attempt(`more${i}@example.com`).expect(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await auditRows()).toBe(before);
    await t.prisma.loginThrottle.deleteMany({});
    await expectAuditChainValid(t, await login(t, 'victim@example.com'));
  });
});
