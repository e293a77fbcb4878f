import { ManualClock } from '../../../../test/fakes/manual-clock.fake';
import { ScriptedProvider } from '../../../../test/fakes/scripted-provider.fake';
import { providerDefinition } from '../providers/provider.registry';
import {
  resolveResilience as resolveDefaults,
  type ResilienceSettings,
} from './resilience.defaults';
import { ResilientProvider } from './resilient.provider';

const IP = { type: 'ipv4', value: '192.0.2.10' } as const;
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const resolveResilience = (name: string, settings?: ResilienceSettings) =>
  resolveDefaults(providerDefinition(name).resilience, settings);

describe(ResilientProvider.name, () => {
  let inner: ScriptedProvider;
  let clock: ManualClock;
  const wrap = (settings: ResilienceSettings = {}, name = inner.name): ResilientProvider =>
    new ResilientProvider(inner, resolveResilience(name, settings), { clock, random: () => 1 });

  beforeEach(() => {
    inner = new ScriptedProvider('virustotal');
    clock = new ManualClock();
  });

  it('holds VirusTotal to 4 lookups a minute by default', async () => {
    const provider = wrap();
    for (let i = 0; i < 6; i++) await provider.lookup(IP);
    expect(inner.calls).toBe(6);
    expect(clock.sleeps).toEqual([15_000, 15_000]);
  });

  it('lets a caller give up instead of waiting for a token, without calling the vendor', async () => {
    const provider = wrap();
    for (let i = 0; i < 4; i++) await provider.lookup(IP);
    await expect(provider.lookup(IP, undefined, { maxWaitMs: 0 })).rejects.toMatchObject({
      kind: 'rate_limited',
      local: true,
      retryAfterMs: 15_000,
    });
    expect(inner.calls).toBe(4);
  });

  it('spends one token per HTTP attempt, retries included', async () => {
    inner.script('unavailable', 'unavailable', 'ok');
    const provider = wrap({
      rateLimit: { capacity: 2, refillTokens: 1, refillIntervalMs: 10_000 },
    });
    await provider.lookup(IP);
    // Backoffs of 500 and 1000 ms, then 8.5 s more for the third token.
    expect(clock.sleeps).toEqual([500, 1_000, 8_500]);
  });

  it('caps concurrent calls and queues the rest', async () => {
    inner.script('hold');
    const provider = wrap({ maxConcurrent: 2, rateLimit: null });
    const lookups = Array.from({ length: 5 }, () => provider.lookup(IP));
    await tick();
    expect(inner.inFlight).toBe(2);
    for (let round = 0; round < 3; round++) {
      inner.release();
      await tick();
    }
    await Promise.all(lookups);
    expect(inner.maxInFlight).toBe(2);
    expect(inner.calls).toBe(5);
  });

  it('refuses lookups beyond the queue bound', async () => {
    inner.script('hold');
    const provider = wrap({ maxConcurrent: 1, maxQueued: 1, rateLimit: null });
    const running = [provider.lookup(IP), provider.lookup(IP)];
    await expect(provider.lookup(IP)).rejects.toMatchObject({ kind: 'rate_limited', local: true });
    inner.release();
    await tick();
    inner.release();
    await Promise.all(running);
  });

  it('makes other callers wait out a vendor Retry-After too', async () => {
    inner.script({ kind: 'rate_limited', retryAfterMs: 20_000 }, 'ok');
    const provider = wrap({ retry: { maxRetries: 0 } });
    await expect(provider.lookup(IP)).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 20_000,
    });
    await expect(provider.lookup(IP, undefined, { maxWaitMs: 5_000 })).rejects.toMatchObject({
      local: true,
    });
    await provider.lookup(IP);
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('opens the circuit after consecutive failures, fails fast, and recovers after the cool-down', async () => {
    inner.script('unavailable');
    const provider = wrap({
      retry: { maxRetries: 0 },
      breaker: { failureThreshold: 3, cooldownMs: 60_000 },
      rateLimit: null,
    });
    for (let i = 0; i < 3; i++)
      await expect(provider.lookup(IP)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(provider.circuitState).toBe('open');
    await expect(provider.lookup(IP)).rejects.toMatchObject({
      kind: 'circuit_open',
      retryable: true,
    });
    expect(inner.calls).toBe(3);
    clock.advance(60_000);
    inner.script('ok');
    await expect(provider.lookup(IP)).resolves.toMatchObject({ verdict: 'harmless' });
    expect(provider.circuitState).toBe('closed');
  });

  it('does not spend a rate-limit token while the circuit is open', async () => {
    inner.script('unavailable');
    const provider = wrap({
      retry: { maxRetries: 0 },
      breaker: { failureThreshold: 1, cooldownMs: 60_000 },
    });
    await provider.lookup(IP).catch(() => undefined);
    for (let i = 0; i < 10; i++) await provider.lookup(IP).catch(() => undefined);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry an auth error', async () => {
    inner.script('auth');
    await expect(wrap().lookup(IP)).rejects.toMatchObject({ kind: 'auth', retryable: false });
    expect(inner.calls).toBe(1);
  });
});

describe(resolveDefaults.name, () => {
  it('has per-provider defaults', () => {
    expect(resolveResilience('virustotal').rateLimit).toEqual({
      capacity: 4,
      refillTokens: 4,
      refillIntervalMs: 60_000,
    });
    expect(resolveResilience('feeds').rateLimit).toBeNull();
    expect(resolveResilience('otx').retry.maxRetries).toBe(3);
  });

  it('overlays settings, ignores junk and caps retries at 3', () => {
    const options = resolveResilience('virustotal', {
      rateLimit: { refillTokens: 500, capacity: 'lots' as unknown as number },
      retry: { maxRetries: 9 },
      breaker: { cooldownMs: 5_000 },
      maxConcurrent: 0,
    });
    expect(options.rateLimit).toEqual({ capacity: 4, refillTokens: 500, refillIntervalMs: 60_000 });
    expect(options.retry.maxRetries).toBe(3);
    expect(options.breaker).toEqual({ failureThreshold: 5, cooldownMs: 5_000 });
    expect(options.maxConcurrent).toBe(1);
  });
});
