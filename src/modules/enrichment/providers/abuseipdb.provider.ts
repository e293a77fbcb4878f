import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import { asArray, asNumber, asString, expectRecord } from './json-shape';
import type { ProviderHttpClient } from './provider-http.client';
import { buildResult, notFoundResult } from './provider-result';
import {
  vendorHttpClient,
  keyedVendorEnvironment,
  withDefaults,
  type HttpProviderSettings,
  type ProviderDeps,
} from './provider-settings';
import type { Verdict } from '../../../common/indicators/verdict';
import { DAY_MS } from '../resilience/resilience.defaults';
import { defineProvider } from './provider-definition';
import type { EnrichmentProvider, ProviderResult } from './provider.types';

export interface AbuseIpdbSettings extends HttpProviderSettings {
  maxAgeInDays: number;
  /** abuseConfidenceScore at or above which the IP is malicious. */
  maliciousScore: number;
  /** abuseConfidenceScore at or above which the IP is suspicious. */
  suspiciousScore: number;
}

export const ABUSEIPDB_DEFAULTS: AbuseIpdbSettings = {
  apiKey: '',
  baseUrl: 'https://api.abuseipdb.com',
  timeoutMs: 10_000,
  maxAgeInDays: 90,
  maliciousScore: 75,
  suspiciousScore: 25,
};

/** The verbose answer lists every report; a handful is enough to keep as evidence. */
const MAX_RAW_REPORTS = 5;

/** AbuseIPDB API v2 CHECK endpoint (IP addresses only). */
export class AbuseIpdbProvider implements EnrichmentProvider {
  readonly name = 'abuseipdb' as const;
  readonly settings: AbuseIpdbSettings;
  private readonly http: ProviderHttpClient;

  constructor(
    settings: Partial<AbuseIpdbSettings>,
    private readonly deps: ProviderDeps = {},
  ) {
    this.settings = withDefaults(ABUSEIPDB_DEFAULTS, settings);
    this.http = vendorHttpClient(
      this.name,
      this.settings,
      { Key: this.settings.apiKey, Accept: 'application/json' },
      deps,
    );
  }

  supports(type: IndicatorType): boolean {
    return type === 'ipv4' || type === 'ipv6';
  }

  async lookup(indicator: Indicator, signal?: AbortSignal): Promise<ProviderResult> {
    const query = `ipAddress=${encodeURIComponent(indicator.value)}&maxAgeInDays=${this.settings.maxAgeInDays}&verbose`;
    const { status, body } = await this.http.getJson(`/api/v2/check?${query}`, signal);
    if (status === 404)
      return notFoundResult(this.name, 'not known to AbuseIPDB', body, this.deps.now);
    const data = expectRecord(this.name, body, 'data');
    const confidence = asNumber(data.abuseConfidenceScore);
    if (confidence === undefined)
      return notFoundResult(this.name, 'no abuse score', body, this.deps.now);
    const totalReports = asNumber(data.totalReports) ?? 0;
    const isWhitelisted = data.isWhitelisted === true;
    const verdict = this.verdict(confidence, totalReports, isWhitelisted);
    return buildResult(
      this.name,
      {
        verdict,
        reputationScore: isWhitelisted ? 0 : confidence / 100,
        summary: `abuse confidence ${confidence}% from ${totalReports} reports${isWhitelisted ? ' (whitelisted)' : ''}`,
        details: {
          abuseConfidenceScore: confidence,
          totalReports,
          countryCode: asString(data.countryCode) ?? null,
          isp: asString(data.isp) ?? null,
          usageType: asString(data.usageType) ?? null,
          isWhitelisted,
        },
        raw: Array.isArray(data.reports)
          ? { data: { ...data, reports: asArray(data.reports).slice(0, MAX_RAW_REPORTS) } }
          : body,
      },
      this.deps.now,
    );
  }

  private verdict(confidence: number, totalReports: number, isWhitelisted: boolean): Verdict {
    if (isWhitelisted) return 'harmless';
    if (confidence >= this.settings.maliciousScore) return 'malicious';
    if (confidence >= this.settings.suspiciousScore) return 'suspicious';
    return confidence === 0 && totalReports === 0 ? 'harmless' : 'unknown';
  }
}

export const ABUSEIPDB_PROVIDER = defineProvider({
  name: 'abuseipdb',
  defaults: ABUSEIPDB_DEFAULTS,
  secretKeys: ['apiKey'],
  // Free tier: 1,000 checks a day; a small burst keeps one alert storm from spending it all.
  resilience: { rateLimit: { capacity: 30, refillTokens: 1_000, refillIntervalMs: DAY_MS } },
  fromEnvironment: (env) => keyedVendorEnvironment(env.abuseipdb),
  create: (settings, deps) => new AbuseIpdbProvider(settings, deps),
});
