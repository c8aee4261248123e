/**
 * Every record of the hub is keyed by a UUID. An id an outsider sends (an argument, a cursor's part) is checked with
 * this before it reaches SQL, where a malformed one would fail its `::uuid` cast as an internal error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
