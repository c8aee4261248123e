import { InvalidInputError } from './errors';

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * An idempotency key names one request: the client generates it once (a UUID fits) and sends it with every retry of
 * that request. 8–128 letters, digits or . _ : -; anything else is BAD_USER_INPUT naming the field.
 */
export function checkIdempotencyKey(key: string, field = 'idempotencyKey'): string {
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new InvalidInputError('The idempotency key must be 8–128 letters, digits or . _ : -', {
      fields: { [field]: 'e.g. a UUID the client generates once per request' },
    });
  }
  return key;
}
