/** The webhook named a connector that does not exist; the HTTP layer answers 404. */
export class UnknownConnectorError extends Error {
  readonly code = 'UNKNOWN_CONNECTOR';

  constructor(
    readonly connectorName: string,
    knownNames: readonly string[],
  ) {
    super(`Unknown connector "${connectorName}"; expected one of: ${knownNames.join(', ')}`);
    this.name = 'UnknownConnectorError';
  }
}
