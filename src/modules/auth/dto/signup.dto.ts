import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsByteLength, IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

export const normalizeEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** At least 10 characters; at most 72 bytes, all bcrypt reads. */
export const PasswordRules = () =>
  applyDecorators(
    IsString(),
    MinLength(10, { message: 'password must be at least 10 characters' }),
    IsByteLength(0, 72, { message: 'password must be at most 72 bytes' }),
  );

/** The fields every account has, whoever creates it. */
export class AccountFields {
  @ApiProperty({ example: 'analyst@example.com' })
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ada Analyst' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;
}

export class SignupDto extends AccountFields {
  @ApiProperty({ minLength: 10, description: 'At least 10 characters, at most 72 bytes (bcrypt)' })
  @PasswordRules()
  password!: string;
}
