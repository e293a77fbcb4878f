import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import type { Page } from '../../common/validation/pagination.dto';
import { ObservableQueryDto } from './dto/observable-query.dto';
import { ObservableSightingDto } from './dto/observable-sighting.dto';
import { ObservablesService } from './observables.service';

@ApiTags('alerts')
@Controller('observables')
export class ObservablesController {
  constructor(private readonly observables: ObservablesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Where an indicator was seen: alerts, first/last seen, latest verdicts',
  })
  @ApiOkResponse({ type: ObservableSightingDto, isArray: true })
  search(@Query() query: ObservableQueryDto): Promise<Page<ObservableSightingDto>> {
    return this.observables.search(query);
  }
}
