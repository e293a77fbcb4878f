import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { Role } from '../../../generated/prisma/enums';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({
    description: 'false deactivates the user; their tokens stop working at once',
  })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}
