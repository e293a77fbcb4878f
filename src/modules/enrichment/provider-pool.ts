import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { isJsonObject, type JsonObject } from '../../common/types/json';
import { IntegrationsService, type IntegrationsSnapshot } from '../integrations';
import { buildConfiguredProvider, cacheTtlSecondsOf } from './providers/provider-definition';
import { PROVIDER_DEFINITIONS } from './providers/provider.registry';
import type { ProviderName } from './providers/provider.types';
import type { ResilientProvider } from './resilience/resilient.provider';

/**
 * Longest wait for a rate-limit token inside the pipeline. VirusTotal's public tier refills
 * one token every 15 s: a worker must not sit on that; the lookup fails and a later
 * re-enrichment fills it in.
 */
export const PIPELINE_TOKEN_WAIT_MS = 2_000;

export interface ActiveProvider {
  name: ProviderName;
  provider: ResilientProvider;
  /** 0 = answers are not cached. */
  cacheTtlSeconds: number;
  maxWaitMs: number;
}

interface PoolEntry extends ActiveProvider {
  fingerprint: string;
}

/**
 * The enabled providers, built from the integrations' effective settings. When settings
 * change, only the affected provider is rebuilt (new one built, swapped in, old one
 * stopped), so the others keep their rate-limit budget and circuit state.
 */
@Injectable()
export class ProviderPool implements OnModuleDestroy {
  private readonly logger = new Logger(ProviderPool.name);
  private readonly entries = new Map<ProviderName, PoolEntry>();
  private builtFrom: IntegrationsSnapshot | null = null;

  constructor(private readonly integrations: IntegrationsService) {}

  async active(): Promise<ActiveProvider[]> {
    const snapshot = await this.integrations.snapshot();
    if (snapshot !== this.builtFrom) this.sync(snapshot);
    return [...this.entries.values()];
  }

  onModuleDestroy(): void {
    for (const entry of this.entries.values()) entry.provider.stop();
    this.entries.clear();
    this.builtFrom = null;
  }

  private sync(snapshot: IntegrationsSnapshot): void {
    this.builtFrom = snapshot;
    for (const definition of PROVIDER_DEFINITIONS) {
      const { name } = definition;
      const existing = this.entries.get(name);
      const config = snapshot.get(name);
      if (!config.enabled) {
        if (existing) this.retire(existing);
        continue;
      }
      const fingerprint = snapshot.fingerprint(name);
      if (existing?.fingerprint === fingerprint) continue;
      try {
        const provider = buildConfiguredProvider(definition, config);
        provider.start();
        this.entries.set(name, {
          name,
          provider,
          fingerprint,
          cacheTtlSeconds: cacheTtlSecondsOf(config.settings),
          maxWaitMs: tokenWaitOf(config.settings),
        });
        existing?.provider.stop();
      } catch (error) {
        // ProviderSettingsError messages name the field, never its value.
        this.logger.warn(`Provider ${name} is enabled but cannot run: ${(error as Error).message}`);
        if (existing) this.retire(existing);
      }
    }
  }

  private retire(entry: PoolEntry): void {
    this.entries.delete(entry.name);
    entry.provider.stop();
  }
}

/** The pipeline's bound, or the integration's own `resilience.maxWaitMs` when that is shorter. */
function tokenWaitOf(settings: JsonObject): number {
  const resilience = settings.resilience;
  const own = isJsonObject(resilience) ? resilience.maxWaitMs : undefined;
  return typeof own === 'number' && own >= 0
    ? Math.min(own, PIPELINE_TOKEN_WAIT_MS)
    : PIPELINE_TOKEN_WAIT_MS;
}
