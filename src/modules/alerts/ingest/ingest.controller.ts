import { Body, Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiQuery,
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { IngestAuth } from '../../../common/decorators/access.decorator';
import type { AppRequest } from '../../../common/http/app-request';
import { WEBHOOK_CONNECTOR_NAMES } from '../connectors/connector.registry';
import { SourceNamePipe } from '../../../common/validation/source-name.pipe';
import { IngestReceiptDto, LegacyIngestReceiptDto } from './dto/ingest.dto';
import { IngestService, type IngestReceipt } from './ingest.service';

const ALERT_BODY = {
  description: 'One alert object, or an array of alert objects (a batch of at most 1000)',
  schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] },
};

function IngestDocs(summary: string) {
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    ApiOperation({ summary })(target, key, descriptor);
    ApiBody(ALERT_BODY)(target, key, descriptor);
    ApiBadRequestResponse({ description: 'Not JSON, not an object, empty, or a malformed batch' })(
      target,
      key,
      descriptor,
    );
    ApiPayloadTooLargeResponse({ description: 'Body over 1 MiB' })(target, key, descriptor);
    ApiUnsupportedMediaTypeResponse({ description: 'Content-Type is not application/json' })(
      target,
      key,
      descriptor,
    );
    ApiServiceUnavailableResponse({ description: 'The database is unreachable; retry' })(
      target,
      key,
      descriptor,
    );
    ApiQuery({
      name: 'source',
      required: false,
      description: 'Overrides the source recorded for the alert',
    })(target, key, descriptor);
  };
}

/** What the response is: one receipt for an object, a list for a batch. */
function shape<T>(body: unknown, receipts: T[]): T | T[] {
  return Array.isArray(body) ? receipts : receipts[0];
}

@ApiTags('ingestion')
@Controller()
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Post('alerts/webhook')
  @HttpCode(202)
  @IngestAuth()
  @IngestDocs('Ingest a generic JSON alert (source from the API key or ?source=)')
  @ApiAcceptedResponse({ type: IngestReceiptDto })
  async generic(
    @Body() body: unknown,
    @Query('source', SourceNamePipe) source: string | undefined,
    @Req() request: AppRequest,
  ) {
    return shape(body, await this.receive('generic', body, source, request));
  }

  @Post('alerts/webhook/:connector')
  @HttpCode(202)
  @IngestAuth()
  @IngestDocs(`Ingest an alert in a SIEM's own format: ${WEBHOOK_CONNECTOR_NAMES.join(', ')}`)
  @ApiAcceptedResponse({ type: IngestReceiptDto })
  @ApiNotFoundResponse({ description: 'Unknown connector' })
  async connector(
    @Param('connector') connector: string,
    @Body() body: unknown,
    @Query('source', SourceNamePipe) source: string | undefined,
    @Req() request: AppRequest,
  ) {
    return shape(body, await this.receive(connector, body, source, request));
  }

  @Post('api/v1/alert')
  @HttpCode(202)
  @IngestAuth()
  @IngestDocs('Alias of the generic webhook from the original requirements (snake_case answer)')
  @ApiAcceptedResponse({ type: LegacyIngestReceiptDto })
  async legacy(
    @Body() body: unknown,
    @Query('source', SourceNamePipe) source: string | undefined,
    @Req() request: AppRequest,
  ) {
    const receipts = await this.receive('generic', body, source, request);
    return shape(
      body,
      receipts.map((receipt) => ({
        job_id: receipt.jobId,
        alert_id: receipt.alertId,
        status: receipt.status,
      })),
    );
  }

  private receive(
    connector: string,
    body: unknown,
    source: string | undefined,
    request: AppRequest,
  ): Promise<IngestReceipt[]> {
    return this.ingest.ingest({
      connector,
      body,
      principal: request.ingest,
      sourceOverride: source,
    });
  }
}
