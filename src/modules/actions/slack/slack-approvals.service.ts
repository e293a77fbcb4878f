import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../../../common/auth/auth-user';
import { ModuleError } from '../../../common/errors/module-error';
import type { Clock } from '../../../common/time/clock';
import { ActionStatus } from '../../../generated/prisma/enums';
import { slackActor } from '../../audit';
import { UsersService } from '../../auth';
import { IntegrationsService } from '../../integrations';
import { ActionsRepository, type ActionWithApprovals } from '../actions.repository';
import { ActionsService } from '../actions.service';
import { readSettings } from '../responders/responder-settings';
import { ResponderError } from '../responders/responder.errors';
import {
  approvalBlocks,
  approvalText,
  SlackDecision,
  SlackEventType,
  type DecisionView,
} from '../responders/slack-blocks';
import { SLACK_DEFAULTS, SlackMessenger, type SlackSettings } from '../responders/slack-messenger';
import { approvalView } from './slack-approval-view';
import { parseInteraction, type SlackDecisionClick } from './slack-interaction';
import { checkSlackSignature } from './slack-signature';
import { SlackNotConfiguredError, SlackSignatureError } from './slack.errors';

export const SLACK_CLOCK = Symbol('SLACK_CLOCK');

/** A request to POST /integrations/slack/interactions, as received. */
export interface SlackInteractionRequest {
  rawBody: Buffer;
  fields: Record<string, string>;
  timestamp?: string;
  signature?: string;
  ip?: string;
}

export const UNLINKED_MESSAGE =
  'Your Slack account is not linked to an active Mini-SOAR user, so nothing was decided. ' +
  'Ask an ADMIN to set your slackUserId (PATCH /users/:id).';

/**
 * Approvals in Slack: posts Approve/Reject buttons for each high-impact request (when the
 * slack integration has an approvalChannel) and applies the clicks as the Mini-SOAR user
 * whose slackUserId matches, through ActionsService (same role and four-eyes rules, audited
 * as that user). The click is answered at once; the message update follows asynchronously.
 */
@Injectable()
export class SlackApprovals {
  private readonly logger = new Logger(SlackApprovals.name);

  constructor(
    private readonly integrations: IntegrationsService,
    private readonly users: UsersService,
    private readonly actions: ActionsService,
    private readonly repository: ActionsRepository,
    @Inject(SLACK_CLOCK) private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /**
   * Posts the approval message. A retried job looks for its earlier post first. Retryable
   * Slack failures throw (the queue retries); permanent ones are logged and dropped: the
   * action still waits for approval through the API.
   */
  async announce(
    actionId: string,
    retry: boolean,
  ): Promise<'posted' | 'already posted' | 'skipped'> {
    const settings = await this.settings();
    if (!settings.approvalChannel || !settings.botToken) return 'skipped';
    const action = await this.actions.get(actionId);
    if (action.status !== ActionStatus.REQUESTED) return 'skipped';
    const view = approvalView(action, await this.repository.responseContext(action));
    const message = {
      channel: settings.approvalChannel,
      text: approvalText(view),
      blocks: approvalBlocks(view),
    };
    try {
      const posted = await new SlackMessenger(settings).post(
        message,
        SlackEventType.Approval,
        actionId,
        retry,
      );
      return posted.alreadyPosted ? 'already posted' : 'posted';
    } catch (error) {
      if (error instanceof ResponderError && !error.retryable) {
        this.logger.warn(`Approval message for action ${actionId} not posted: ${error.message}`);
        return 'skipped';
      }
      throw error;
    }
  }

  /**
   * One interaction. Throws SlackSignatureError (401) unless Slack signed it within 300 s;
   * otherwise resolves, telling refusals to the clicking user in an ephemeral message.
   */
  async interact(request: SlackInteractionRequest): Promise<void> {
    const settings = await this.settings();
    if (!settings.signingSecret) throw new SlackNotConfiguredError();
    const refusal = checkSlackSignature(
      settings.signingSecret,
      request,
      request.rawBody,
      Math.floor(this.clock.now() / 1000),
    );
    if (refusal) throw new SlackSignatureError(refusal);
    const click = parseInteraction(request.fields);
    if (!click) return;
    const messenger = new SlackMessenger(settings);
    const user = await this.users.findActiveBySlackUserId(click.slackUserId);
    if (!user) {
      this.logger.warn(`Slack user ${click.slackUserId} is not linked to an active user`);
      return this.later(messenger.ephemeral.bind(messenger), click, UNLINKED_MESSAGE);
    }
    let action: ActionWithApprovals;
    try {
      action = await this.decide(user, click, request.ip);
    } catch (error) {
      if (!(error instanceof ModuleError)) throw error;
      return this.later(
        messenger.ephemeral.bind(messenger),
        click,
        `Mini-SOAR refused your ${click.decision}: ${error.message}`,
      );
    }
    const decision: DecisionView = {
      decision: click.decision,
      by: `${user.name} (${user.email})`,
      pending: action.status === ActionStatus.REQUESTED,
    };
    void this.showDecision(messenger, click, action, decision);
  }

  /** Audited as a Slack decision: the mapped user, labelled with the Slack member id. */
  private decide(
    user: AuthUser,
    click: SlackDecisionClick,
    ip?: string,
  ): Promise<ActionWithApprovals> {
    const actor = slackActor(user, click.slackUserId);
    return click.decision === SlackDecision.Approve
      ? this.actions.approve(user, click.actionId, ip, actor)
      : this.actions.reject(user, click.actionId, `Rejected in Slack by ${user.email}`, ip, actor);
  }

  /** Rewrites the approval message: who decided, and no buttons once nothing is pending. */
  private async showDecision(
    messenger: SlackMessenger,
    click: SlackDecisionClick,
    action: ActionWithApprovals,
    decision: DecisionView,
  ): Promise<void> {
    if (!click.channel || !click.messageTs) return;
    try {
      const view = approvalView(action, await this.repository.responseContext(action));
      await messenger.update({
        channel: click.channel,
        ts: click.messageTs,
        text: approvalText(view, decision),
        blocks: approvalBlocks(view, decision),
      });
    } catch (error) {
      this.logger.warn(
        `Slack message for action ${action.id} not updated: ${(error as Error).message}`,
      );
    }
  }

  /** An ephemeral reply to the clicking user, sent after the HTTP answer. */
  private later(
    send: (channel: string, user: string, text: string) => Promise<void>,
    click: SlackDecisionClick,
    text: string,
  ): void {
    if (!click.channel) return;
    send(click.channel, click.slackUserId, text).catch((error: Error) =>
      this.logger.warn(`Slack reply to ${click.slackUserId} not sent: ${error.message}`),
    );
  }

  private async settings(): Promise<SlackSettings> {
    const config = await this.integrations.get('slack');
    return config.enabled ? readSettings(SLACK_DEFAULTS, config) : { ...SLACK_DEFAULTS };
  }
}
