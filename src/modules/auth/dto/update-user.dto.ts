import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum } from 'class-validator';
import { Role } from '../../../generated/prisma/enums';
import { IsOptionalDefined } from '../../../common/validation/optional';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptionalDefined()
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({
    description: 'false deactivates the user; their tokens stop working at once',
  })
  @IsOptionalDefined()
  @IsBoolean()
  isActive?: boolean;
}
