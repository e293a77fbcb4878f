import pino from 'pino';

let destination: pino.DestinationStream | undefined;

/** One asynchronous stdout stream for every logger: lines written while a write is in flight go out together. */
export function logDestination(): pino.DestinationStream {
  destination ??= pino.destination({ dest: 1, sync: false });
  return destination;
}
