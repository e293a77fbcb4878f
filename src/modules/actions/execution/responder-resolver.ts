import { Injectable } from '@nestjs/common';
import { ActionType } from '../../../generated/prisma/enums';
import type { IntegrationDefinition } from '../../integrations';
import { IntegrationsService } from '../../integrations';
import type { Responder } from '../responders/responder';
import type { ResponderDefinition } from '../responders/responder-definition';
import { ResponderError } from '../responders/responder.errors';
import { RESPONDER_DEFINITIONS } from '../responders/responder.registry';

/** Which integrations can carry out each action type, in order of preference. */
export const RESPONDERS_FOR: Readonly<Record<ActionType, readonly string[]>> = {
  [ActionType.BLOCK_IP]: ['firewall', 'iptables'],
  [ActionType.UNBLOCK_IP]: ['firewall', 'iptables'],
  [ActionType.ISOLATE_HOST]: ['edr'],
  [ActionType.DISABLE_USER]: ['ldap'],
  [ActionType.NOTIFY_SLACK]: ['slack'],
  [ActionType.NOTIFY_TEAMS]: ['teams'],
  [ActionType.NOTIFY_EMAIL]: ['email'],
  [ActionType.CREATE_TICKET]: ['jira'],
};

const isResponder = (definition: IntegrationDefinition): definition is ResponderDefinition =>
  'create' in definition;

/** Builds the responder for an action from the integrations' current effective settings. */
@Injectable()
export class ResponderResolver {
  private readonly definitions = new Map(
    RESPONDER_DEFINITIONS.filter(isResponder).map((definition) => [definition.name, definition]),
  );

  constructor(private readonly integrations: IntegrationsService) {}

  /**
   * The first enabled responder for the type; `preferred` first when it is enabled (an unblock
   * goes to whichever responder placed the block). Throws a non-retryable ResponderError when
   * none is configured.
   */
  async resolve(type: ActionType, preferred?: string | null): Promise<Responder> {
    const snapshot = await this.integrations.snapshot();
    const candidates = RESPONDERS_FOR[type];
    const order =
      preferred && candidates.includes(preferred) ? [preferred, ...candidates] : candidates;
    for (const name of order) {
      const definition = this.definitions.get(name);
      if (!definition) continue;
      const config = snapshot.get(name);
      if (config.enabled) return definition.create(config, {});
    }
    throw new ResponderError(
      'actions',
      `no responder is configured for ${type}: enable ${candidates.join(' or ')} with PUT /integrations/:name`,
      false,
    );
  }
}
