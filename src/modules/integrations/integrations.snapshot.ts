import { createHash } from 'node:crypto';
import type { EnrichmentEnv } from '../../config/app-config';
import type { JsonObject } from '../../common/types/json';
import { canonicalJson } from '../audit/audit-chain';
import { INTEGRATION_CATALOG, type IntegrationName } from './integration-catalog';
import { applyMockRule, resolveIntegration, type EffectiveIntegration } from './integration-layers';

/** What other modules read: the effective configuration, secrets decrypted. */
export interface IntegrationConfig {
  enabled: boolean;
  settings: JsonObject;
  secrets: Readonly<Record<string, string>>;
}

export interface IntegrationView {
  integration: EffectiveIntegration;
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
  private readonly fingerprints = new Map<IntegrationName, string>();

  constructor(
    readonly version: number,
    private readonly integrations: ReadonlyMap<IntegrationName, EffectiveIntegration>,
    private readonly stored: ReadonlyMap<string, StoredIntegration>,
  ) {}

  get(name: IntegrationName): IntegrationConfig {
    const { enabled, settings, secrets } = this.effective(name);
    return { enabled, settings, secrets };
  }

  effective(name: IntegrationName): EffectiveIntegration {
    const integration = this.integrations.get(name);
    if (!integration) throw new RangeError(`Unknown integration ${name}`);
    return integration;
  }

  /** The integration with its last API change, for the admin view. */
  view(name: IntegrationName): IntegrationView {
    const row = this.stored.get(name);
    return {
      integration: this.effective(name),
      updatedAt: row?.updatedAt ?? null,
      updatedById: row?.updatedById ?? null,
    };
  }

  views(): IntegrationView[] {
    return [...this.integrations.keys()].map((name) => this.view(name));
  }

  /** Changes whenever anything the integration would be built from changes. */
  fingerprint(name: IntegrationName): string {
    let fingerprint = this.fingerprints.get(name);
    if (fingerprint === undefined) {
      fingerprint = createHash('sha256')
        .update(canonicalJson(this.get(name)))
        .digest('hex');
      this.fingerprints.set(name, fingerprint);
    }
    return fingerprint;
  }

  changedSince(previous: IntegrationsSnapshot): IntegrationName[] {
    return [...this.integrations.keys()].filter(
      (name) => this.fingerprint(name) !== previous.fingerprint(name),
    );
  }
}

/** Defaults <- environment <- database row for every integration, then the mock rule. */
export function buildSnapshot(
  version: number,
  rows: readonly StoredIntegration[],
  env: EnrichmentEnv,
): IntegrationsSnapshot {
  const stored = new Map(rows.map((row) => [row.name, row]));
  const integrations = new Map<IntegrationName, EffectiveIntegration>();
  for (const [name, definition] of INTEGRATION_CATALOG) {
    integrations.set(name, resolveIntegration(definition, env, stored.get(name)));
  }
  applyMockRule(integrations);
  return new IntegrationsSnapshot(version, integrations, stored);
}
