import { createHash } from 'node:crypto';
import type { EnrichmentEnv } from '../../config/app-config';
import type { JsonObject } from '../../common/types/json';
import { canonicalJson } from '../audit';
import type { IntegrationConfig } from './integration-definition';
import {
  applyFallbackRule,
  resolveIntegration,
  type EffectiveIntegration,
} from './integration-layers';
import type { IntegrationRegistry } from './integration-registry';

export interface IntegrationView {
  integration: EffectiveIntegration;
  /** Write-only settings, reported only as set or unset. */
  secretKeys: readonly string[];
  updatedAt: Date | null;
  updatedById: string | null;
}

/** A database row with its secrets already opened. */
export interface StoredIntegration {
  name: string;
  enabled: boolean;
  settings: JsonObject;
  secrets: Record<string, string>;
  updatedAt: Date;
  updatedById: string | null;
}

/** Every integration's effective configuration at one moment; immutable. */
export class IntegrationsSnapshot {
  private readonly fingerprints = new Map<string, string>();

  constructor(
    readonly version: number,
    private readonly integrations: ReadonlyMap<string, EffectiveIntegration>,
    private readonly stored: ReadonlyMap<string, StoredIntegration>,
    private readonly registry: IntegrationRegistry,
  ) {}

  get(name: string): IntegrationConfig {
    const { enabled, settings, secrets } = this.effective(name);
    return { enabled, settings, secrets };
  }

  effective(name: string): EffectiveIntegration {
    const integration = this.integrations.get(name);
    if (!integration) throw new RangeError(`Unknown integration ${name}`);
    return integration;
  }

  /** The integration with its last API change, for the admin view. */
  view(name: string): IntegrationView {
    const row = this.stored.get(name);
    return {
      integration: this.effective(name),
      secretKeys: this.registry.get(name)?.secretKeys ?? [],
      updatedAt: row?.updatedAt ?? null,
      updatedById: row?.updatedById ?? null,
    };
  }

  views(): IntegrationView[] {
    return [...this.integrations.keys()].map((name) => this.view(name));
  }

  /** Changes whenever anything the integration would be built from changes. */
  fingerprint(name: string): string {
    let fingerprint = this.fingerprints.get(name);
    if (fingerprint === undefined) {
      fingerprint = createHash('sha256')
        .update(canonicalJson(this.get(name)))
        .digest('hex');
      this.fingerprints.set(name, fingerprint);
    }
    return fingerprint;
  }

  changedSince(previous: IntegrationsSnapshot): string[] {
    return [...this.integrations.keys()].filter(
      (name) => this.fingerprint(name) !== previous.fingerprint(name),
    );
  }
}

/** Defaults <- environment <- database row for every integration, then the fallback rule. */
export function buildSnapshot(
  version: number,
  rows: readonly StoredIntegration[],
  env: EnrichmentEnv,
  registry: IntegrationRegistry,
): IntegrationsSnapshot {
  const stored = new Map(rows.map((row) => [row.name, row]));
  const integrations = new Map<string, EffectiveIntegration>();
  for (const definition of registry.all()) {
    integrations.set(
      definition.name,
      resolveIntegration(definition, env, stored.get(definition.name)),
    );
  }
  applyFallbackRule(registry.all(), integrations);
  return new IntegrationsSnapshot(version, integrations, stored, registry);
}
