import { ManualClock } from '../../../../test/fakes/manual-clock.fake';
import { ProviderError } from '../providers/provider.errors';
import { retryDelayMs, withRetries, type RetryOptions } from './retry';

const OPTIONS: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 60_000,
};
const error = (
  kind: ProviderError['kind'],
  extra: ConstructorParameters<typeof ProviderError>[3] = {},
) => new ProviderError('virustotal', kind, kind, extra);

describe(retryDelayMs.name, () => {
  it('backs off exponentially with jitter, up to maxDelayMs', () => {
    const top = [0, 1, 2, 3, 4].map((i) => retryDelayMs(error('unavailable'), i, OPTIONS, () => 1));
    const bottom = [0, 1, 2].map((i) => retryDelayMs(error('timeout'), i, OPTIONS, () => 0));
    expect(top).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    expect(bottom).toEqual([250, 500, 1_000]);
  });

  it('waits exactly the Retry-After, unless it is longer than the bound', () => {
    expect(retryDelayMs(error('rate_limited', { retryAfterMs: 7_000 }), 0, OPTIONS, () => 1)).toBe(
      7_000,
    );
    expect(
      retryDelayMs(error('rate_limited', { retryAfterMs: 61_000 }), 0, OPTIONS, () => 1),
    ).toBeUndefined();
  });

  it('does not retry auth, bad responses, open circuits, local limits or foreign errors', () => {
    const never = [
      error('auth'),
      error('bad_response'),
      error('circuit_open'),
      error('rate_limited', { local: true }),
      error('unavailable', { retryable: false }),
      new Error('boom'),
    ];
    expect(never.map((e) => retryDelayMs(e, 0, OPTIONS, () => 1))).toEqual(
      Array(6).fill(undefined),
    );
  });
});

describe(withRetries.name, () => {
  it('stops after 3 retries even when configured for more', async () => {
    const attempt = jest.fn(() => Promise.reject(error('unavailable')));
    const clock = new ManualClock();
    await expect(
      withRetries(attempt, { ...OPTIONS, maxRetries: 10 }, { clock, random: () => 1 }),
    ).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(attempt).toHaveBeenCalledTimes(4);
    expect(clock.sleeps).toEqual([500, 1_000, 2_000]);
  });

  it('returns the first success', async () => {
    const attempt = jest.fn().mockRejectedValueOnce(error('timeout')).mockResolvedValue('done');
    await expect(
      withRetries(attempt, OPTIONS, { clock: new ManualClock(), random: () => 0 }),
    ).resolves.toBe('done');
  });
});
