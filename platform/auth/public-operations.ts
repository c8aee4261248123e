import { DocumentNode, Kind, OperationDefinitionNode, parse } from 'graphql';

/**
 * The only questions the hub answers without a token: publicity (双晒) of the service standards and owner fees in
 * force, which the regulations require to be posted for anyone to see, and the verification of a filing
 * certificate (备案证明) by whoever holds one (a record number and a digest; public facts only). Their result types carry no entity
 * references, so nothing private can be reached from them. The gateway decides on the document its runtime parsed
 * and is about to execute, and every subgraph checks again before running one.
 */
export const PUBLIC_QUERY_FIELDS: ReadonlySet<string> = new Set(['publicServiceStandards', 'verifyFilingCertificate']);

/**
 * True when the document's chosen operation is a query whose root selections are all public fields (or
 * `__typename`). Fragments at the root, mutations and subscriptions are not public.
 */
export function isPublicDocument(document: DocumentNode, operationName?: unknown): boolean {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    typeof operationName === 'string' && operationName !== ''
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || PUBLIC_QUERY_FIELDS.has(s.name.value)),
  );
}

/** The same decision on a query text (a subgraph's request body); unparsable or oversized text is not public. */
export function isPublicOperation(query: unknown, operationName?: unknown): boolean {
  if (typeof query !== 'string' || query.length > 20_000) return false;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  return isPublicDocument(document, operationName);
}
