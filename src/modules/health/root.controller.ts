import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/access.decorator';
import { APP_NAME, APP_VERSION } from '../../common/http/app-info';

export class ServiceIndexDto {
  @ApiProperty({ example: APP_NAME }) name!: string;
  @ApiProperty({ example: APP_VERSION }) version!: string;
  @ApiProperty({ example: '/docs', description: 'Swagger UI' }) docs!: string;
  @ApiProperty({ example: '/docs-json', description: 'OpenAPI document' }) openapi!: string;
  @ApiProperty({ example: '/health' }) health!: string;
  @ApiProperty({ example: '/auth/signup', description: 'The first account becomes ADMIN' })
  signup!: string;
}

const SERVICE_INDEX: ServiceIndexDto = {
  name: APP_NAME,
  version: APP_VERSION,
  docs: '/docs',
  openapi: '/docs-json',
  health: '/health',
  signup: '/auth/signup',
};

/** Until there is a dashboard, `/` says where to go instead of a bare 404. */
@ApiTags('health')
@Controller()
export class RootController {
  @Get()
  @Public()
  @ApiOperation({ summary: 'Where to start: API docs, health and the first signup' })
  @ApiOkResponse({ type: ServiceIndexDto })
  index(): ServiceIndexDto {
    return SERVICE_INDEX;
  }
}
