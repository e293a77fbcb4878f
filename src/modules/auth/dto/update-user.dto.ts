import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, Matches, MaxLength } from 'class-validator';
import { Role } from '../../../generated/prisma/enums';
import { IsOptionalDefined, IsOptionalNullable } from '../../../common/validation/optional';

/** A Slack member id: U... for users, W... for Enterprise Grid users. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptionalDefined()
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({
    description:
      'true approves a pending signup or reactivates; false deactivates (tokens stop working at once)',
  })
  @IsOptionalDefined()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    example: 'U024BE7LH',
    description: "The user's Slack member id, so their Slack approvals act as them; null unlinks",
  })
  @IsOptionalNullable()
  @Matches(SLACK_USER_ID, { message: 'slackUserId must be a Slack member id such as U024BE7LH' })
  @MaxLength(32)
  slackUserId?: string | null;
}
