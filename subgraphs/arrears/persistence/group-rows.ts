/** Rows grouped by a key (an account id, say), each mapped to its value, in the order the query returned them. */
export function groupRows<R, V>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  valueOf: (row: R) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}
