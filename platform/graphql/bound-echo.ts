import { DocumentNode, visit } from 'graphql';

/** How much of one value a caller sent may come back in an error message. */
export const MAX_ECHO = 100;

/**
 * GraphQL's own messages quote the caller's values (`Variable "$x" got invalid value "…"`, `Value "…" does not exist
 * in … enum`): no more than 100 characters of any quoted value come back, and no message is over 500 characters.
 */
export function boundEcho(message: string): string {
  const clipped = message.replace(
    /"((?:[^"\\]|\\.){101,}?)(?="|$)/g,
    (_all, inner: string) => `"${inner.slice(0, MAX_ECHO)}…`,
  );
  return clipped.length > 500 ? `${clipped.slice(0, 500)}…` : clipped;
}

/** Every string the caller sent: in the variables and written into the document. */
export function callerStrings(variables: unknown, document?: DocumentNode): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(variables);
  if (document) visit(document, { StringValue: (node) => void found.push(node.value) });
  return found;
}

/**
 * A rule's message may name what the caller sent (`Unit … room … already exists`): no more than 100 characters of
 * any one value come back, quoted or not.
 */
export function clipEchoes(message: string, sent: readonly string[]): string {
  let clipped = message;
  for (const value of sent) {
    if (value.length > MAX_ECHO && clipped.includes(value))
      clipped = clipped.split(value).join(`${value.slice(0, MAX_ECHO)}…`);
  }
  return boundEcho(clipped);
}
