import { getDomain } from 'tldts';
import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import { asArray, asNumber, asRecord, asString, expectRecord, stringList } from './json-shape';
import type { ProviderHttpClient } from './provider-http.client';
import { bandScore, buildResult, notFoundResult } from './provider-result';
import {
  vendorHttpClient,
  keyedVendorEnvironment,
  withDefaults,
  type HttpProviderSettings,
  type ProviderDeps,
} from './provider-settings';
import type { Verdict } from '../../../common/indicators/verdict';
import { MINUTE_MS } from '../resilience/resilience.defaults';
import { defineProvider } from './provider-definition';
import type { EnrichmentProvider, ProviderResult } from './provider.types';

export interface OtxSettings extends HttpProviderSettings {
  /** Pulses at or above which the indicator is malicious. */
  maliciousPulses: number;
  /** Pulses at or above which it is suspicious. */
  suspiciousPulses: number;
  /** Longest pulse-name and tag lists kept in details. */
  maxListItems: number;
}

export const OTX_DEFAULTS: OtxSettings = {
  apiKey: '',
  baseUrl: 'https://otx.alienvault.com',
  timeoutMs: 15_000,
  maliciousPulses: 3,
  suspiciousPulses: 1,
  maxListItems: 10,
};

const SECTION: Record<IndicatorType, string | undefined> = {
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  domain: 'domain',
  url: 'url',
  md5: 'file',
  sha1: 'file',
  sha256: 'file',
  email: undefined,
};

/** AlienVault OTX DirectConnect v1 indicator "general" section (pulse membership). */
export class OtxProvider implements EnrichmentProvider {
  readonly name = 'otx' as const;
  readonly settings: OtxSettings;
  private readonly http: ProviderHttpClient;

  constructor(
    settings: Partial<OtxSettings>,
    private readonly deps: ProviderDeps = {},
  ) {
    this.settings = withDefaults(OTX_DEFAULTS, settings);
    this.http = vendorHttpClient(
      this.name,
      this.settings,
      { 'X-OTX-API-KEY': this.settings.apiKey },
      deps,
    );
  }

  supports(type: IndicatorType): boolean {
    return SECTION[type] !== undefined;
  }

  async lookup(indicator: Indicator, signal?: AbortSignal): Promise<ProviderResult> {
    const { status, body } = await this.http.getJson(otxPath(indicator), signal);
    if (status === 404) return notFoundResult(this.name, 'not found in OTX', body, this.deps.now);
    const pulseInfo = expectRecord(this.name, body, 'pulse_info');
    const pulses = asArray(pulseInfo.pulses).map((pulse) => asRecord(pulse) ?? {});
    const count = asNumber(pulseInfo.count) ?? pulses.length;
    const max = this.settings.maxListItems;
    const pulseNames = pulses.map((p) => asString(p.name)).filter((n) => n !== undefined);
    const tags = [...new Set(pulses.flatMap((p) => stringList(p.tags, max)))];
    const verdict = this.verdict(count);
    return buildResult(
      this.name,
      {
        verdict,
        reputationScore: bandScore(verdict, count / (2 * this.settings.maliciousPulses)),
        summary: count === 0 ? 'in no OTX pulse' : `in ${count} OTX pulse${count === 1 ? '' : 's'}`,
        details: {
          pulseCount: count,
          pulseNames: pulseNames.slice(0, max),
          tags: tags.slice(0, max),
        },
        raw: body,
      },
      this.deps.now,
    );
  }

  private verdict(pulseCount: number): Verdict {
    if (pulseCount >= this.settings.maliciousPulses) return 'malicious';
    if (pulseCount >= this.settings.suspiciousPulses) return 'suspicious';
    return 'unknown';
  }
}

/** Registrable domains go to "domain", deeper names to "hostname"; URLs keep their slashes. */
export function otxPath(indicator: Indicator): string {
  let section = SECTION[indicator.type];
  if (!section) throw new RangeError(`otx does not look up ${indicator.type}`);
  const value = indicator.value;
  if (indicator.type === 'domain' && getDomain(value) !== value.toLowerCase()) section = 'hostname';
  const encoded =
    indicator.type === 'url'
      ? encodeURI(value).replace(/[?#]/g, encodeURIComponent)
      : encodeURIComponent(value);
  return `/api/v1/indicators/${section}/${encoded}/general`;
}

export const OTX_PROVIDER = defineProvider({
  name: 'otx',
  defaults: OTX_DEFAULTS,
  secretKeys: ['apiKey'],
  resilience: { rateLimit: { capacity: 20, refillTokens: 120, refillIntervalMs: MINUTE_MS } },
  fromEnvironment: (env) => keyedVendorEnvironment(env.otx),
  create: (settings, deps) => new OtxProvider(settings, deps),
});
