/** How much of one value a caller sent may come back in an error message. */
export const MAX_ECHO = 100;

/**
 * GraphQL's own messages quote the caller's values (`Variable "$x" got invalid value "…"`, `Value "…" does not exist
 * in … enum`): no more than 100 characters of any quoted value come back, and no message is over 500 characters.
 */
export function boundEcho(message: string): string {
  const clipped = message.replace(/"((?:[^"\\]|\\.){101,}?)(?="|$)/g, (_all, inner: string) => `"${inner.slice(0, MAX_ECHO)}…`);
  return clipped.length > 500 ? `${clipped.slice(0, 500)}…` : clipped;
}
