import type { AlertForEvaluation } from '../../alerts';
import type { EvaluationContext } from '../definition/playbook-definition';

/**
 * The context conditions and templates read for one alert. `asset` is the criticality of
 * the asset the alert points at (AssetsService.findCriticality), when the caller looked it up.
 */
export function alertContext(
  alert: AlertForEvaluation,
  asset?: { hostname: string; criticality: string } | null,
): EvaluationContext {
  return {
    alert: {
      id: alert.id,
      title: alert.title ?? '',
      source: alert.source,
      connector: alert.connector,
      severity: alert.severity ?? '',
      status: alert.status,
      riskScore: alert.riskScore,
      receivedAt: new Date(alert.receivedAt).toISOString(),
      normalized: alert.normalized ?? {},
      scoreBreakdown: alert.scoreBreakdown,
      observables: alert.observables,
      occurrences: alert.occurrences,
      caseId: alert.caseId,
    },
    ...(alert.case && { case: alert.case }),
    ...(asset && { asset }),
    steps: {},
  };
}

/** The host and addresses an alert's asset is looked up by (as the scoring does). */
export function assetKeysOf(alert: AlertForEvaluation): { hostname?: string; ips: string[] } {
  const normalized = alert.normalized ?? {};
  const ips = alert.observables
    .filter((o) => o.internal && (o.type === 'ipv4' || o.type === 'ipv6'))
    .map((o) => o.value);
  for (const ip of [normalized.srcIp, normalized.dstIp]) {
    if (typeof ip === 'string' && !ips.includes(ip)) ips.push(ip);
  }
  const hostname = typeof normalized.hostname === 'string' ? normalized.hostname : undefined;
  return { hostname, ips };
}
