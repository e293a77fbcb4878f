import type { JsonObject } from '../../../common/types/json';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { FREE_TEXT_POLICY } from './field-policy';
import { ObservableCollector } from './observable-collector';
import type { ExtractedObservable, ObservableExtractionOptions } from './observable.types';
import { walkStrings } from './payload-walker';
import { scanText, type ScanContext } from './text-scanner';

/** Most observables kept per alert; the rest of a hostile alert is ignored. */
export const MAX_OBSERVABLES_PER_ALERT = 500;

const NO_INTERNAL_RANGES: ObservableExtractionOptions = { internalCidrs: [], internalDomains: [] };

/** Pulls IOCs out of an alert by the corpus IOC rules (see corpus/EXPECTED.md). */
export class ObservableExtractor {
  constructor(private readonly options: ObservableExtractionOptions = NO_INTERNAL_RANGES) {}

  /** IOCs of the normalized fields and of every string in the raw payload, first appearance first. */
  extract(payload: JsonObject, normalized: NormalizedAlert | null = null): ExtractedObservable[] {
    const collector = this.newCollector();
    const context: ScanContext = {
      selfHostnames: normalized?.hostname ? [normalized.hostname.toLowerCase()] : [],
    };
    for (const field of [normalized?.srcIp, normalized?.dstIp, normalized?.username]) {
      if (field)
        scanText(field, FREE_TEXT_POLICY, context).forEach((found) => collector.add(found));
    }
    for (const { text, policy } of walkStrings(payload)) {
      if (collector.isFull) break;
      scanText(text, policy, context).forEach((found) => collector.add(found));
    }
    return collector.result();
  }

  /** IOCs of one free-text string (a note, a pasted report). */
  extractFromText(text: string): ExtractedObservable[] {
    const collector = this.newCollector();
    scanText(text, FREE_TEXT_POLICY, { selfHostnames: [] }).forEach((found) =>
      collector.add(found),
    );
    return collector.result();
  }

  private newCollector(): ObservableCollector {
    const { internalCidrs, internalDomains } = this.options;
    return new ObservableCollector(internalCidrs, internalDomains, MAX_OBSERVABLES_PER_ALERT);
  }
}
