import type { JsonObject } from '../../../common/types/json';

/** Where tools put their own alert id, most specific first. */
const ID_FIELDS = [
  'alertId',
  'alert_id',
  'detectionId',
  'detection_id',
  'event_id',
  'eventId',
  'id',
  '_id',
  'sid',
];
const MAX_LENGTH = 200;

/** The source tool's own id for the alert, when it gives one at the top level. */
export function externalIdOf(payload: JsonObject): string | null {
  for (const field of ID_FIELDS) {
    const value = payload[field];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') {
      return String(value).slice(0, MAX_LENGTH);
    }
  }
  return null;
}
