import type { IntegrationDefinition } from './integration-definition';

/** Every integration the application was built with, by name. */
export class IntegrationRegistry {
  private readonly byName = new Map<string, IntegrationDefinition>();

  constructor(definitions: readonly IntegrationDefinition[]) {
    for (const definition of definitions) {
      if (this.byName.has(definition.name))
        throw new Error(`Integration ${definition.name} is defined twice`);
      this.byName.set(definition.name, definition);
    }
  }

  get(name: string): IntegrationDefinition | undefined {
    return this.byName.get(name);
  }

  all(): IntegrationDefinition[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
