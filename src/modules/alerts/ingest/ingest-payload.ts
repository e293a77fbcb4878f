import { isJsonObject, type JsonObject } from '../../../common/types/json';
import { sanitizeForStorage } from '../../../common/types/storable-json';
import { InvalidIngestPayloadError } from '../alerts.errors';

export const MAX_ALERTS_PER_REQUEST = 1000;

/** Splits a webhook body into alerts: one object, or a non-empty array of objects (a batch). */
export function toIngestItems(body: unknown): JsonObject[] {
  if (body === undefined || body === null)
    throw new InvalidIngestPayloadError('Request body is empty');
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0)
    throw new InvalidIngestPayloadError('The batch is empty: send at least one alert object');
  if (items.length > MAX_ALERTS_PER_REQUEST) {
    throw new InvalidIngestPayloadError(
      `A batch may hold at most ${MAX_ALERTS_PER_REQUEST} alerts; split it`,
    );
  }
  return items.map((item, index) => {
    const where = Array.isArray(body) ? `Item ${index} of the batch` : 'The body';
    if (!isJsonObject(item)) throw new InvalidIngestPayloadError(`${where} must be a JSON object`);
    if (Object.keys(item).length === 0)
      throw new InvalidIngestPayloadError(`${where} is an empty object`);
    return sanitizeForStorage(item);
  });
}
