/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  // The losing promise may still reject later; it must not become an unhandled rejection.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(toError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(toError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(toError(error));
      },
    );
  });
}

/**
 * Abort reasons are DOMExceptions unless a caller passed something else. Duck-typed: a
 * DOMException from another realm (a jest sandbox) fails `instanceof Error`.
 */
export function toError(reason: unknown): Error {
  const errorLike =
    typeof reason === 'object' && reason !== null && 'name' in reason && 'message' in reason;
  return errorLike ? (reason as Error) : new Error(String(reason));
}
