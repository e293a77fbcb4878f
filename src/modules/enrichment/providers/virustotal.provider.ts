import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import { asNumber, asRecord, asString, expectRecord } from './json-shape';
import { ProviderError } from './provider.errors';
import type { ProviderHttpClient } from './provider-http.client';
import { bandScore, buildResult, notFoundResult, type ResultFields } from './provider-result';
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

export interface VirusTotalSettings extends HttpProviderSettings {
  /** Malicious engine verdicts at or above which the indicator is malicious. */
  maliciousThreshold: number;
  /** Harmless engine verdicts at or above which (with no bad ones) it is harmless. */
  harmlessThreshold: number;
}

export const VIRUSTOTAL_DEFAULTS: VirusTotalSettings = {
  apiKey: '',
  baseUrl: 'https://www.virustotal.com',
  timeoutMs: 15_000,
  maliciousThreshold: 3,
  harmlessThreshold: 5,
};

const COLLECTION: Record<IndicatorType, string | undefined> = {
  ipv4: 'ip_addresses',
  ipv6: 'ip_addresses',
  domain: 'domains',
  url: 'urls',
  md5: 'files',
  sha1: 'files',
  sha256: 'files',
  email: undefined,
};

/** VirusTotal API v3 object lookups (ip_addresses, domains, urls, files). */
export class VirusTotalProvider implements EnrichmentProvider {
  readonly name = 'virustotal' as const;
  readonly settings: VirusTotalSettings;
  private readonly http: ProviderHttpClient;

  constructor(
    settings: Partial<VirusTotalSettings>,
    private readonly deps: ProviderDeps = {},
  ) {
    this.settings = withDefaults(VIRUSTOTAL_DEFAULTS, settings);
    this.http = vendorHttpClient(
      this.name,
      this.settings,
      { 'x-apikey': this.settings.apiKey },
      deps,
    );
  }

  supports(type: IndicatorType): boolean {
    return COLLECTION[type] !== undefined;
  }

  async lookup(indicator: Indicator, signal?: AbortSignal): Promise<ProviderResult> {
    const { status, body } = await this.http.getJson(virusTotalPath(indicator), signal);
    if (status === 404) {
      const code = asString(asRecord(asRecord(body)?.error)?.code);
      if (code !== 'NotFoundError') {
        throw new ProviderError(this.name, 'bad_response', 'HTTP 404 without NotFoundError', {
          status,
        });
      }
      return notFoundResult(this.name, 'not found in VirusTotal dataset', body, this.deps.now);
    }
    const attributes = expectRecord(this.name, body, 'data', 'attributes');
    return buildResult(this.name, this.classify(attributes, body), this.deps.now);
  }

  private classify(attributes: Record<string, unknown>, raw: unknown): ResultFields {
    const stats = asRecord(attributes.last_analysis_stats) ?? {};
    const count = (key: string): number => asNumber(stats[key]) ?? 0;
    const [malicious, suspicious, harmless, undetected] = [
      count('malicious'),
      count('suspicious'),
      count('harmless'),
      count('undetected'),
    ];
    const reputation = asNumber(attributes.reputation) ?? null;
    const engines = malicious + suspicious + harmless + undetected;
    const { maliciousThreshold, harmlessThreshold } = this.settings;
    let verdict: Verdict = 'unknown';
    let strength = 0;
    if (malicious >= maliciousThreshold) {
      verdict = 'malicious';
      // A third of all engines agreeing is as sure as VirusTotal gets.
      strength = (3 * malicious) / Math.max(1, engines);
    } else if (malicious + suspicious > 0) {
      verdict = 'suspicious';
      strength = (malicious + suspicious / 2) / Math.max(1, maliciousThreshold);
    } else if (harmless >= harmlessThreshold) {
      verdict = 'harmless';
    }
    return {
      verdict,
      reputationScore: bandScore(verdict, strength),
      summary: `${malicious}/${engines} engines malicious, ${suspicious} suspicious, ${harmless} harmless`,
      details: { malicious, suspicious, harmless, undetected, reputation },
      raw,
    };
  }
}

/** v3 object path; URL ids are the unpadded base64url of the URL. */
export function virusTotalPath(indicator: Indicator): string {
  const collection = COLLECTION[indicator.type];
  if (!collection) throw new RangeError(`virustotal does not look up ${indicator.type}`);
  const id =
    indicator.type === 'url'
      ? Buffer.from(indicator.value).toString('base64url')
      : encodeURIComponent(indicator.value.toLowerCase());
  return `/api/v3/${collection}/${id}`;
}

export const VIRUSTOTAL_PROVIDER = defineProvider({
  name: 'virustotal',
  defaults: VIRUSTOTAL_DEFAULTS,
  secretKeys: ['apiKey'],
  // Public API tier: 4 lookups a minute (and 500 a day); waiting one slot (15 s) is allowed.
  resilience: {
    rateLimit: { capacity: 4, refillTokens: 4, refillIntervalMs: MINUTE_MS },
    maxConcurrent: 2,
    maxWaitMs: 20_000,
  },
  fromEnvironment: (env) => keyedVendorEnvironment(env.virustotal),
  create: (settings, deps) => new VirusTotalProvider(settings, deps),
});
