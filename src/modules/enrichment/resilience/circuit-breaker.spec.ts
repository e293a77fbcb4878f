import { ManualClock } from '../../../../test/fakes/manual-clock.fake';
import { ProviderError } from '../providers/provider.errors';
import { ProviderCircuitBreaker, countsAsBreakerFailure } from './circuit-breaker';

describe(ProviderCircuitBreaker.name, () => {
  const failing = (): Promise<never> =>
    Promise.reject(new ProviderError('otx', 'unavailable', 'HTTP 503'));
  const ok = (): Promise<string> => Promise.resolve('ok');

  const openBreaker = async (clock: ManualClock): Promise<ProviderCircuitBreaker> => {
    const breaker = new ProviderCircuitBreaker(
      'otx',
      { failureThreshold: 3, cooldownMs: 30_000 },
      clock,
    );
    for (let i = 0; i < 3; i++)
      await expect(breaker.execute(failing)).rejects.toMatchObject({ kind: 'unavailable' });
    return breaker;
  };

  it('opens after the configured number of consecutive failures', async () => {
    const breaker = await openBreaker(new ManualClock());
    expect(breaker.state).toBe('open');
  });

  it('rejects fast while open, without calling the vendor', async () => {
    const breaker = await openBreaker(new ManualClock());
    const vendor = jest.fn(ok);
    await expect(breaker.execute(vendor)).rejects.toMatchObject({
      kind: 'circuit_open',
      local: true,
      retryAfterMs: 30_000,
    });
    expect(() => breaker.assertCallable()).toThrow(ProviderError);
    expect(vendor).not.toHaveBeenCalled();
  });

  it('half-opens after the cool-down and closes again on a successful trial call', async () => {
    const clock = new ManualClock();
    const breaker = await openBreaker(clock);
    clock.advance(30_000);
    expect(breaker.state).toBe('half_open');
    expect(() => breaker.assertCallable()).not.toThrow();
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('re-opens when the trial call fails', async () => {
    const clock = new ManualClock();
    const breaker = await openBreaker(clock);
    clock.advance(30_000);
    await expect(breaker.execute(failing)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(breaker.state).toBe('open');
  });

  it('resets the count on success, so only consecutive failures open it', async () => {
    const breaker = new ProviderCircuitBreaker(
      'otx',
      { failureThreshold: 2, cooldownMs: 1_000 },
      new ManualClock(),
    );
    await breaker.execute(failing).catch(() => undefined);
    await breaker.execute(ok);
    await breaker.execute(failing).catch(() => undefined);
    expect(breaker.state).toBe('closed');
  });

  it('counts vendor failures only: not auth errors, local limits or aborts', () => {
    expect(countsAsBreakerFailure(new ProviderError('otx', 'timeout', 't'))).toBe(true);
    expect(countsAsBreakerFailure(new ProviderError('otx', 'bad_response', 'b'))).toBe(true);
    expect(countsAsBreakerFailure(new ProviderError('otx', 'auth', 'a'))).toBe(false);
    expect(
      countsAsBreakerFailure(new ProviderError('otx', 'rate_limited', 'r', { local: true })),
    ).toBe(false);
    expect(countsAsBreakerFailure(new DOMException('aborted', 'AbortError'))).toBe(false);
  });
});
