import { DomainError } from '../../kernel/errors';

/** Runs `fn`, expecting it to throw a DomainError, and returns the error for assertions on its code and details. */
export function rejection(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a rejection');
}
