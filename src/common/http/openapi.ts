import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_NAME, APP_VERSION } from './app-info';

export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(APP_NAME)
      .setDescription(
        'SOAR backend: SIEM webhooks in, normalized and enriched alerts, cases, playbooks and approved responses out. ' +
          'Each operation lists the roles allowed in `x-roles`.',
      )
      .setVersion(APP_VERSION)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'jwt')
      .addApiKey(
        { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Ingest API key' },
        'apiKey',
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
