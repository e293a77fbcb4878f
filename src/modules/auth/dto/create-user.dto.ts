import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { Role } from '../../../generated/prisma/enums';
import { IsOptionalDefined } from '../../../common/validation/optional';
import { AccountFields, PasswordRules } from './signup.dto';

export class CreateUserDto extends AccountFields {
  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({
    minLength: 10,
    description:
      'Optional. Without it the account has no password and cannot log in with one ' +
      '(an account that only approves through Slack, say).',
  })
  @IsOptionalDefined()
  @PasswordRules()
  password?: string;
}
