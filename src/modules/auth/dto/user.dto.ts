import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, type User } from '../../../generated/prisma/client';
import { isPendingApproval } from '../user-status';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ description: 'A signup waiting for an ADMIN to set isActive: true' })
  pendingApproval!: boolean;
  @ApiPropertyOptional({ nullable: true }) slackUserId!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true }) lastLoginAt!: Date | null;
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

/** Never returns the password hash. */
export function toUserDto(user: User): UserDto {
  const { id, email, name, role, isActive, slackUserId, createdAt, lastLoginAt } = user;
  const pendingApproval = isPendingApproval(user);
  return { id, email, name, role, isActive, pendingApproval, slackUserId, createdAt, lastLoginAt };
}
