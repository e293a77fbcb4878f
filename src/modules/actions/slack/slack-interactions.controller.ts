import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiExtension,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../../../common/decorators/access.decorator';
import { FORM_BODY_ROUTE } from '../../../common/http/form-body';
import type { AppRequest } from '../../../common/http/app-request';
import { SlackApprovals } from './slack-approvals.service';

@ApiTags('integrations')
@Controller('integrations/slack')
export class SlackInteractionsController {
  constructor(private readonly approvals: SlackApprovals) {}

  @Post('interactions')
  @Public()
  @HttpCode(200)
  @RouteConfig(FORM_BODY_ROUTE)
  @ApiExtension('x-roles', ['Slack (signed request)'])
  @ApiOperation({
    summary: 'Slack interactivity: Approve/Reject button clicks',
    description:
      "Slack's form-encoded `payload` (block_actions). Buttons carry `action_id` approve or reject and the action id as `value`; the click is applied as the active user whose slackUserId matches, with the same role and four-eyes rules. Refusals (unlinked Slack user, self-approval, wrong state) are told to the Slack user in an ephemeral message; the answer is 200 with an empty body either way.",
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiHeader({
    name: 'X-Slack-Request-Timestamp',
    required: true,
    description: 'Unix seconds, within 300 s',
  })
  @ApiHeader({
    name: 'X-Slack-Signature',
    required: true,
    description: 'v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>" with the signingSecret>',
  })
  @ApiOkResponse({ description: 'Received (the decision, or its refusal, is shown in Slack)' })
  @ApiBadRequestResponse({ description: 'Not a Slack interaction payload' })
  @ApiUnauthorizedResponse({
    description: 'Missing, wrong or stale signature; Slack not configured',
  })
  async interact(
    @Req() request: AppRequest,
    @Headers('x-slack-request-timestamp') timestamp?: string,
    @Headers('x-slack-signature') signature?: string,
  ): Promise<void> {
    const fields = (request.body ?? {}) as Record<string, string>;
    await this.approvals.interact({
      rawBody: request.rawBody ?? Buffer.alloc(0),
      fields: typeof fields === 'object' ? fields : {},
      timestamp,
      signature,
      ip: request.ip,
    });
  }
}
