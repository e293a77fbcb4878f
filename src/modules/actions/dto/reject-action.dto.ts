import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RejectActionDto {
  @ApiProperty({ example: 'The address belongs to a partner' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
