import { ApiProperty } from '@nestjs/swagger';
import { IngestReceiptDto } from '../../ingest/dto/ingest.dto';
import { SIM_SCENARIO_NAMES } from '../sim-scenarios';

export class SimRunDto {
  @ApiProperty({ enum: SIM_SCENARIO_NAMES }) scenario!: string;
  @ApiProperty({ type: IngestReceiptDto, isArray: true }) alerts!: IngestReceiptDto[];
}
