import { ManualClock } from '../../../../test/fakes/manual-clock.fake';
import { ProviderError } from '../providers/provider.errors';
import { TokenBucket } from './token-bucket';

const VT_PUBLIC = { capacity: 4, refillTokens: 4, refillIntervalMs: 60_000 };

describe(TokenBucket.name, () => {
  it('lets a burst of capacity through, then spaces callers one refill apart', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket('virustotal', VT_PUBLIC, clock);
    for (let i = 0; i < 4; i++) await bucket.acquire();
    expect(clock.sleeps).toEqual([]);
    await bucket.acquire();
    await bucket.acquire();
    expect(clock.sleeps).toEqual([15_000, 15_000]);
  });

  it('never exceeds the rate over a long run', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket('virustotal', VT_PUBLIC, clock);
    const start = clock.now();
    for (let i = 0; i < 44; i++) await bucket.acquire();
    // 4 at once, then 40 more at 4 a minute.
    expect(clock.now() - start).toBe(10 * 60_000);
  });

  it('refills with elapsed time', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket('virustotal', VT_PUBLIC, clock);
    for (let i = 0; i < 4; i++) await bucket.acquire();
    clock.advance(30_000);
    expect(bucket.available()).toBe(2);
  });

  it('gives up at once with a local rate_limited error when the wait would exceed maxWaitMs', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket('virustotal', VT_PUBLIC, clock);
    for (let i = 0; i < 4; i++) await bucket.acquire();
    const error: unknown = await bucket.acquire({ maxWaitMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      local: true,
      retryable: true,
      retryAfterMs: 15_000,
    });
    expect(clock.sleeps).toEqual([]);
    expect(bucket.available()).toBe(0);
  });

  it('stops waiting when aborted and hands the reserved token back', async () => {
    const clock = new ManualClock(0, false);
    const bucket = new TokenBucket('virustotal', VT_PUBLIC, clock);
    for (let i = 0; i < 4; i++) await bucket.acquire();
    const controller = new AbortController();
    const waiting = bucket.acquire({ signal: controller.signal });
    expect(bucket.available()).toBe(-1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(bucket.available()).toBe(0);
  });

  it('serves waiters in order as time passes', async () => {
    const clock = new ManualClock(0, false);
    const bucket = new TokenBucket(
      'virustotal',
      { capacity: 1, refillTokens: 1, refillIntervalMs: 1_000 },
      clock,
    );
    await bucket.acquire();
    const order: number[] = [];
    const first = bucket.acquire().then(() => order.push(1));
    const second = bucket.acquire().then(() => order.push(2));
    clock.advance(1_000);
    await first;
    expect(order).toEqual([1]);
    clock.advance(1_000);
    await second;
    expect(order).toEqual([1, 2]);
  });

  it('holds everybody back after pauseFor', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket('virustotal', VT_PUBLIC, clock);
    bucket.pauseFor(20_000);
    await bucket.acquire();
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('rejects a limit without capacity or refill', () => {
    expect(
      () => new TokenBucket('otx', { capacity: 0, refillTokens: 1, refillIntervalMs: 1 }),
    ).toThrow(RangeError);
  });
});
