import { Body, Controller, Ip, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { ANALYST_PLUS } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { ActionDto, toActionDto } from '../../modules/actions';
import { AlertActionDto } from './alert-action.dto';
import { AlertActionFlow } from './alert-action.flow';

@ApiTags('actions')
@Controller('api/v1/alerts')
export class AlertActionsController {
  constructor(private readonly flow: AlertActionFlow) {}

  @Post(':alertId/actions/:actionName')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary: 'Request a response action for an alert',
    description:
      'Opens a case for the alert when it has none; the action follows the same rules as ' +
      'POST /cases/:caseId/actions. The answer carries the action and its caseId.',
  })
  @ApiParam({
    name: 'actionName',
    enum: [
      'block_ip',
      'disable_user',
      'isolate_host',
      'notify_slack',
      'notify_teams',
      'notify_email',
      'create_ticket',
    ],
  })
  @ApiCreatedResponse({ type: ActionDto })
  @ApiBadRequestResponse({
    description: 'No target given and the alert names none, or a bad target',
  })
  @ApiNotFoundResponse({ description: 'No such alert, or an unknown action name' })
  @ApiUnprocessableEntityResponse({ description: 'The target is allow-listed' })
  async request(
    @CurrentUser() actor: AuthUser,
    @Param('alertId', UuidParam) alertId: string,
    @Param('actionName') actionName: string,
    @Body() dto: AlertActionDto,
    @Ip() ip: string,
  ): Promise<ActionDto> {
    return toActionDto(await this.flow.execute(actor, alertId, actionName, dto.parameters, ip));
  }
}
