import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import type { JsonObject } from '../../../common/types/json';
import { normalizeAlert } from '../connectors/connector.registry';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { ObservableExtractor } from '../observables/observable-extractor';
import type { ExtractedObservable } from '../observables/observable.types';
import {
  AlertProcessingRepository,
  type ProcessingAlert,
  type StoredObservable,
} from './alert-processing.repository';
import { externalIdOf } from './external-id';
import { alertFingerprint } from './fingerprint';

export type AllowlistCheck = (observable: ExtractedObservable) => boolean;

export type AlertAnalysis =
  | { kind: 'already-processed' }
  | { kind: 'duplicate'; duplicateOf: string }
  | {
      kind: 'original';
      alert: ProcessingAlert;
      normalized: NormalizedAlert;
      observables: StoredObservable[];
    };

/**
 * The alerts half of processing: claim a queued alert, normalize it, extract and mark its
 * observables, fingerprint it and store the result (or fold it into its original).
 */
@Injectable()
export class AlertAnalysisService {
  private readonly extractor: ObservableExtractor;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: AlertProcessingRepository,
  ) {
    this.extractor = new ObservableExtractor({
      internalCidrs: config.internalCidrs,
      internalDomains: config.internalDomains,
    });
  }

  async analyze(alertId: string, isAllowlisted: AllowlistCheck): Promise<AlertAnalysis> {
    const alert = await this.repository.claim(alertId);
    if (!alert) return { kind: 'already-processed' };
    const payload = alert.rawPayload as JsonObject;
    const normalized = normalizeAlert(alert.connector, payload);
    const observables = this.extractor
      .extract(payload, normalized)
      .map((observable) => ({ ...observable, allowlisted: isAllowlisted(observable) }));
    const fingerprint = alertFingerprint(alert.source, normalized, observables, payload);
    const stored = await this.repository.storeAnalysis(
      alert,
      {
        normalized,
        title: titleOf(alert, normalized),
        externalId: externalIdOf(payload),
        fingerprint,
        observables,
      },
      this.config.dedupWindowSeconds,
    );
    if (stored.kind === 'duplicate') return stored;
    return {
      kind: 'original',
      alert: { ...alert, fingerprint },
      normalized,
      observables: stored.observables,
    };
  }

  /** An analysed alert, for another round of enrichment; null when it was never analysed. */
  async findAnalysed(
    alertId: string,
  ): Promise<Omit<Extract<AlertAnalysis, { kind: 'original' }>, 'kind'> | null> {
    const alert = await this.repository.findWithObservables(alertId);
    if (!alert?.normalized || !alert.fingerprint) return null;
    return {
      alert,
      normalized: alert.normalized as unknown as NormalizedAlert,
      observables: alert.observables,
    };
  }
}

/** A title for lists even when the tool sends none (e.g. Splunk's search_name null). */
function titleOf(alert: ProcessingAlert, normalized: NormalizedAlert): string {
  return (normalized.title ?? normalized.ruleName ?? `${alert.source} alert`).slice(0, 500);
}
