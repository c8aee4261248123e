/**
 * The hostile documents of issue 12, sent by the benchmark (bench/edge-under-attack.ts) and by the refusal tests.
 */

/** `n` aliases of `arrears(first: 50)`: one request asking for n × 50 accounts. */
export const manyAliasedArrears = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: arrears(first: 50) { items { accountId openFen } }`).join(' ')} }`;

/** Household → arrearsAccounts → household, `levels` times over. */
export function householdLoop(levels: number): string {
  let selection = 'accountId';
  for (let i = 0; i < levels; i++) selection = `household { id arrearsAccounts { ${selection} } }`;
  return `{ arrears(first: 50) { items { ${selection} } } }`;
}

/** `levels` inline fragments nested inside one another. */
export const nestedInlineFragments = (levels: number) =>
  `{ ${'... on Query { '.repeat(levels)}courts { courtId }${' }'.repeat(levels)} }`;

/** A list literal `levels` deep, as an argument value. */
export const deepListLiteral = (levels: number) =>
  `{ publicServiceStandards(compoundName: ${'['.repeat(levels)}"x"${']'.repeat(levels)}) { compoundName } }`;
