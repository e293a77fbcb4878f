import { Controller, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ADMIN_ONLY } from '../../../common/auth/role-groups';
import { Roles } from '../../../common/decorators/access.decorator';
import { hasOwnKey } from '../../../common/types/own-key';
import { IngestService, type IngestReceipt } from '../ingest/ingest.service';
import { SimRunDto } from './dto/sim-run.dto';
import { SIM_SCENARIO_NAMES, SIM_SCENARIOS } from './sim-scenarios';

@ApiTags('simulation')
@Controller('sim')
export class SimController {
  constructor(private readonly ingest: IngestService) {}

  @Post(':scenario')
  @HttpCode(202)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Send realistic demo alerts through the real pipeline' })
  @ApiParam({ name: 'scenario', enum: SIM_SCENARIO_NAMES })
  @ApiAcceptedResponse({ type: SimRunDto })
  @ApiNotFoundResponse({ description: 'Unknown scenario' })
  async run(@Param('scenario') scenario: string): Promise<SimRunDto> {
    if (!hasOwnKey(SIM_SCENARIOS, scenario)) {
      throw new NotFoundException(
        `Unknown scenario "${scenario}"; use one of ${SIM_SCENARIO_NAMES.join(', ')}`,
      );
    }
    const receipts: IngestReceipt[] = [];
    for (const alert of SIM_SCENARIOS[scenario]()) {
      receipts.push(
        ...(await this.ingest.ingest({
          connector: alert.connector,
          body: alert.payload,
          sourceOverride: alert.source,
        })),
      );
    }
    return { scenario, alerts: receipts };
  }
}
