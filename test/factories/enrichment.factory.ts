import type { IndicatorType } from '../../src/common/indicators/indicator';
import { toObservableType } from '../../src/common/indicators/indicator-enum';
import { STIX_TYPE_BY_INDICATOR } from '../../src/modules/alerts/observables/observable.types';
import type { EnrichmentObservable } from '../../src/modules/enrichment/enrichment.types';
import type { TestApp } from '../helpers/test-app';

export interface ObservableSpec {
  type: IndicatorType;
  value: string;
  internal?: boolean;
  allowlisted?: boolean;
}

/** An alert row with these observables, as the pipeline would have stored them. */
export async function newAlertWithObservables(
  t: TestApp,
  specs: ObservableSpec[],
): Promise<{ alertId: string; observables: EnrichmentObservable[] }> {
  const alert = await t.prisma.alert.create({
    data: {
      source: 'test',
      connector: 'generic',
      rawPayload: { title: 'enrichment test' },
      observables: {
        create: specs.map((spec) => ({
          type: toObservableType(spec.type),
          value: spec.value,
          stixType: STIX_TYPE_BY_INDICATOR[spec.type],
          internal: spec.internal ?? false,
          allowlisted: spec.allowlisted ?? false,
        })),
      },
    },
    include: { observables: true },
  });
  const byValue = new Map(alert.observables.map((o) => [o.value, o.id]));
  return {
    alertId: alert.id,
    observables: specs.map((spec) => ({
      id: byValue.get(spec.value)!,
      type: spec.type,
      value: spec.value,
      internal: spec.internal ?? false,
      allowlisted: spec.allowlisted ?? false,
    })),
  };
}
