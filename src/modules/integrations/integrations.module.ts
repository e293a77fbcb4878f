import { type DynamicModule, Module } from '@nestjs/common';
import type { IntegrationDefinition } from './integration-definition';
import { IntegrationRegistry } from './integration-registry';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsRepository } from './integrations.repository';
import { IntegrationsService } from './integrations.service';

/** The integrations registry; the app passes in every definition it was built with. */
@Module({})
export class IntegrationsModule {
  static forRoot(definitions: readonly IntegrationDefinition[]): DynamicModule {
    return {
      module: IntegrationsModule,
      global: true,
      controllers: [IntegrationsController],
      providers: [
        { provide: IntegrationRegistry, useValue: new IntegrationRegistry(definitions) },
        IntegrationsService,
        IntegrationsRepository,
      ],
      exports: [IntegrationsService],
    };
  }
}
