import { ResponderError } from '../../src/modules/actions/responders/responder.errors';

/** Awaits a responder call that must fail, and returns its ResponderError. */
export async function responderFailure(promise: Promise<unknown>): Promise<ResponderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ResponderError);
  return error as ResponderError;
}
