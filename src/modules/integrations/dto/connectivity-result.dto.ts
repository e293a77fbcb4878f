import { ApiProperty } from '@nestjs/swagger';

export class ConnectivityResultDto {
  @ApiProperty({ description: 'The call succeeded with these settings and credentials' })
  ok!: boolean;

  @ApiProperty({ description: 'What was tried and what came back (never a secret)' })
  detail!: string;
}
