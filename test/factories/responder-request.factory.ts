import { randomUUID } from 'node:crypto';
import { ActionType } from '../../src/generated/prisma/enums';
import { ResponderMode, type ResponderRequest } from '../../src/modules/actions';

/** A responder request about a HIGH case, live, first attempt; override what a test varies. */
export function responderRequest(overrides: Partial<ResponderRequest> = {}): ResponderRequest {
  return {
    actionId: randomUUID(),
    actionType: ActionType.NOTIFY_SLACK,
    target: '',
    params: {},
    mode: ResponderMode.Live,
    attempt: 1,
    ...overrides,
    context: {
      caseId: '7d0c6a52-0a8e-4d5e-9f3c-2b1e8a4c9d10',
      caseNumber: 42,
      caseTitle: 'Port scan from 203.0.113.7',
      severity: 'HIGH',
      riskScore: 78,
      alertTitle: 'GuardDuty: Recon:EC2/Portscan',
      link: 'https://soar.example.com/cases/7d0c6a52-0a8e-4d5e-9f3c-2b1e8a4c9d10',
      requestedBy: 'analyst@example.com',
      reason: 'Scanning our edge',
      ...overrides.context,
    },
  };
}
