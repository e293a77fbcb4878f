import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../../common/types/json';
import { AppConfig } from '../../../config/app-config';
import type { RequestActionDto } from '../dto/request-action.dto';
import { ResponderMode, type PlannedEffect } from '../responders/responder';
import { ResponderError } from '../responders/responder.errors';
import { ResponderResolver } from './responder-resolver';

/** What a responder would send for a request, or why none would run. */
export type ActionPreview =
  | { responder: string; effects: PlannedEffect[]; output: JsonObject }
  | { responder: null; reason: string };

/**
 * A playbook's dry run: builds the responder the request would go to and runs it in DryRun
 * mode, so the run records the exact requests (secrets redacted) and nothing changes. Some
 * responders read state first (a firewall's objects, an EDR's device) to plan exactly.
 */
@Injectable()
export class ActionPreviewer {
  constructor(
    private readonly resolver: ResponderResolver,
    private readonly config: AppConfig,
  ) {}

  async preview(request: RequestActionDto, caseId: string | null): Promise<ActionPreview> {
    try {
      const responder = await this.resolver.resolve(request.actionType);
      const result = await responder.execute({
        actionId: `dry-run-${randomUUID()}`,
        actionType: request.actionType,
        target: request.target,
        params: request.params ?? {},
        context: {
          caseId: caseId ?? '',
          link: caseId ? `${this.config.publicUrl}/cases/${caseId}` : undefined,
          reason: request.reason ?? null,
        },
        mode: ResponderMode.DryRun,
        attempt: 1,
      });
      return { responder: responder.name, effects: result.effects, output: result.output };
    } catch (error) {
      if (error instanceof ResponderError) return { responder: null, reason: error.message };
      throw error;
    }
  }
}
