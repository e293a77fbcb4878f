import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Prisma } from '../../../generated/prisma/client';
import { ActionStatus, ActionType } from '../../../generated/prisma/enums';
import type { ActionWithApprovals } from '../actions.repository';

export class ActionApprovalDto {
  @ApiProperty({ format: 'uuid' }) approverId!: string;
  @ApiProperty() approvedAt!: Date;
}

export class ActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) alertId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) playbookRunId!: string | null;
  @ApiProperty({ enum: ActionType }) actionType!: ActionType;
  @ApiProperty({ description: 'Canonical form (compressed IPv6, network address of a range...)' })
  target!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Prisma.JsonValue;
  @ApiPropertyOptional({ nullable: true }) reason!: string | null;
  @ApiProperty({ enum: ActionStatus }) status!: ActionStatus;
  @ApiProperty({ description: 'False for notifications, tickets and the system’s own unblock' })
  requiresApproval!: boolean;
  @ApiProperty({ description: '2 when the target is a CRITICAL asset' })
  requiredApprovals!: number;
  @ApiProperty({ type: ActionApprovalDto, isArray: true }) approvals!: ActionApprovalDto[];
  @ApiProperty({ description: 'sha256 of {actionType, target, params}: what approvals bind to' })
  requestHash!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null: the system' })
  requestedById!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) decidedById!: string | null;
  @ApiPropertyOptional({ nullable: true }) decisionReason!: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  output!: Prisma.JsonValue;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    nullable: true,
    description: 'What the responder sent (in notify-only: what it would have sent)',
  })
  effects!: Prisma.JsonValue;
  @ApiPropertyOptional({ nullable: true }) error!: string | null;
  @ApiPropertyOptional({ enum: ['live', 'notify-only'], nullable: true }) mode!: string | null;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true, description: 'When the current stage lapses' })
  expiresAt!: Date | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'UNBLOCK_IP: the block it lifts',
  })
  unblockOfId!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ nullable: true }) decidedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) startedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) executedAt!: Date | null;
}

export function toActionDto(action: ActionWithApprovals): ActionDto {
  return {
    id: action.id,
    caseId: action.caseId,
    alertId: action.alertId,
    playbookRunId: action.playbookRunId,
    actionType: action.actionType,
    target: action.target,
    params: action.params,
    reason: action.reason,
    status: action.status,
    requiresApproval: action.requiresApproval,
    requiredApprovals: action.requiredApprovals,
    approvals: action.approvals.map((approval) => ({
      approverId: approval.approverId,
      approvedAt: approval.createdAt,
    })),
    requestHash: action.requestHash,
    requestedById: action.requestedById,
    decidedById: action.decidedById,
    decisionReason: action.decisionReason,
    output: action.output,
    effects: action.effects,
    error: action.error,
    mode: action.mode,
    attempts: action.attempts,
    expiresAt: action.expiresAt,
    unblockOfId: action.unblockOfId,
    createdAt: action.createdAt,
    updatedAt: action.updatedAt,
    decidedAt: action.decidedAt,
    startedAt: action.startedAt,
    executedAt: action.executedAt,
  };
}
