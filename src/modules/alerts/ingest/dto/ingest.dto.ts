import { ApiProperty } from '@nestjs/swagger';

export class IngestReceiptDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ enum: ['queued'] }) status!: 'queued';
}

export class LegacyIngestReceiptDto {
  @ApiProperty({ format: 'uuid' }) job_id!: string;
  @ApiProperty({ format: 'uuid' }) alert_id!: string;
  @ApiProperty({ enum: ['queued'] }) status!: 'queued';
}
