import type { Indicator } from '../../src/common/indicators/indicator';
import type { FakeVendorServer } from './fake-vendor.server';
import { ManualClock } from './manual-clock.fake';
import type { ResilienceSettings } from '../../src/modules/enrichment/resilience/resilience.defaults';
import type { ResilientProvider } from '../../src/modules/enrichment/resilience/resilient.provider';
import {
  ProviderError,
  type ProviderErrorKind,
} from '../../src/modules/enrichment/providers/provider.errors';
import { buildConfiguredProvider } from '../../src/modules/enrichment/providers/provider-definition';
import { providerDefinition } from '../../src/modules/enrichment/providers/provider.registry';
import type { ProviderName } from '../../src/modules/enrichment/providers/provider.types';

/** Settings and secrets together, as a provider reads them. */
type ProviderSettings = Record<string, unknown>;

export interface HttpContractCase<N extends ProviderName, F extends FakeVendorServer> {
  provider: N;
  newFake(): F;
  /** Settings pointing the real client at the fake (may write bootstrap files). */
  settings(fake: F): Promise<ProviderSettings> | ProviderSettings;
  indicator: Indicator;
  /** The fake's key for `indicator`. */
  key: string;
  /** Makes the fake know `indicator`, so that "ok" answers normally. */
  known(fake: F): void;
}

/**
 * The fake answers at once, so this bound never decides an outcome; it only has to outlast a
 * loaded machine (a short one once turned a slow answer into an extra retry).
 */
const ANSWERED_TIMEOUT_MS = 10_000;
/** Only where the timeout is the behaviour: the fake never answers, so it cannot fire early. */
const HANG_TIMEOUT_MS = 1_000;

/**
 * The failure behaviour every vendor client shares, run through the real client and the
 * resilience wrapper against the vendor's fake (virtual clock: no real backoff sleeps).
 */
export function describeHttpContract<N extends ProviderName, F extends FakeVendorServer>(
  testCase: HttpContractCase<N, F>,
): void {
  describe(`${testCase.provider} HTTP failures`, () => {
    let fake: F;
    let clock: ManualClock;

    beforeEach(async () => {
      fake = await testCase.newFake().start();
      testCase.known(fake);
      clock = new ManualClock();
    });
    afterEach(() => fake.stop());

    const build = async (
      resilience: ResilienceSettings = {},
      timeoutMs = ANSWERED_TIMEOUT_MS,
    ): Promise<ResilientProvider> => {
      const settings = { ...(await testCase.settings(fake)), timeoutMs };
      const merged = { ...settings, resilience: { rateLimit: null, ...resilience } };
      const config = { settings: merged as never, secrets: {} };
      return buildConfiguredProvider(providerDefinition(testCase.provider), config, {
        clock,
        random: () => 1,
      });
    };
    const failure = async (provider: ResilientProvider): Promise<ProviderError> => {
      const error: unknown = await provider.lookup(testCase.indicator).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProviderError);
      return error as ProviderError;
    };
    const expectKind = (
      error: ProviderError,
      kind: ProviderErrorKind,
      retryable: boolean,
    ): void => {
      expect({ kind: error.kind, retryable: error.retryable, provider: error.provider }).toEqual({
        kind,
        retryable,
        provider: testCase.provider,
      });
    };

    it('rejects a refused key as an auth error without retrying or leaking the key', async () => {
      fake.answer(testCase.key, 'auth');
      const error = await failure(await build());
      expectKind(error, 'auth', false);
      expect(fake.requestsFor(testCase.key)).toBe(1);
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(fake.apiKey);
    });

    it('waits out the Retry-After of a 429, then succeeds', async () => {
      fake.answer(testCase.key, { scenario: 'rate_limited', retryAfter: '7' }, 'ok');
      const result = await (await build()).lookup(testCase.indicator);
      expect(result.provider).toBe(testCase.provider);
      expect(clock.sleeps).toEqual([7000]);
      expect(fake.requestsFor(testCase.key)).toBe(2);
    });

    it('accepts Retry-After as an HTTP date', async () => {
      const at = new Date(clock.now() + 4000).toUTCString();
      fake.answer(testCase.key, { scenario: 'rate_limited', retryAfter: at }, 'ok');
      await (await build()).lookup(testCase.indicator);
      expect(clock.sleeps).toEqual([4000]);
    });

    it('surfaces a 429 whose Retry-After exceeds the bound at once', async () => {
      fake.answer(testCase.key, { scenario: 'rate_limited', retryAfter: '3600' });
      const error = await failure(await build());
      expectKind(error, 'rate_limited', true);
      expect(error.retryAfterMs).toBe(3_600_000);
      expect(fake.requestsFor(testCase.key)).toBe(1);
    });

    it('retries 500 and 503 with exponential backoff, then succeeds', async () => {
      fake.answer(testCase.key, 'server_error', 'unavailable', 'ok');
      const result = await (await build()).lookup(testCase.indicator);
      expect(result.provider).toBe(testCase.provider);
      expect(clock.sleeps).toEqual([500, 1000]);
      expect(fake.requestsFor(testCase.key)).toBe(3);
    });

    it('gives up as unavailable after 3 retries', async () => {
      fake.answer(testCase.key, 'unavailable');
      const error = await failure(await build());
      expectKind(error, 'unavailable', true);
      expect(error.status).toBe(503);
      expect(fake.requestsFor(testCase.key)).toBe(4);
    });

    it('turns a hanging request into a timeout, retried like any transient failure', async () => {
      fake.answer(testCase.key, 'hang');
      const error = await failure(await build({ retry: { maxRetries: 1 } }, HANG_TIMEOUT_MS));
      expectKind(error, 'timeout', true);
      expect(fake.requestsFor(testCase.key)).toBe(2);
    });

    it('reports a non-JSON body as bad_response without retrying', async () => {
      fake.answer(testCase.key, 'malformed');
      expectKind(await failure(await build()), 'bad_response', false);
      expect(fake.requestsFor(testCase.key)).toBe(1);
    });

    it('reports JSON of the wrong shape as bad_response', async () => {
      fake.answer(testCase.key, 'wrong_shape');
      expectKind(await failure(await build()), 'bad_response', false);
    });

    it('rejects with the caller abort reason, not a provider error', async () => {
      fake.answer(testCase.key, 'hang');
      const controller = new AbortController();
      const pending = (await build()).lookup(testCase.indicator, controller.signal);
      setImmediate(() => controller.abort());
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });
  });
}
