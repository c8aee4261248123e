/**
 * The SQL forms of the arrears rules for a charge row aliased `c`, each with one `?` for the as-of date.
 * PAST_DUE_SQL is kernel/past-due.ts isPastDue: the charge fell due before that day (Civil Code art. 944 para. 2),
 * so it counts in collection rates. IN_ARREARS_SQL is domain/charge.ts inArrears: past due and owed at all (a
 * voluntary levy's contribution never is, Civil Code art. 278 item 6), so it counts in the arrears list and aging.
 * Every set-based query uses these, so SQL and the domain rules cannot drift apart (the gateway tests check both).
 */
export const PAST_DUE_SQL = (c: string): string => `${c}.due_on < ?::date`;
export const IN_ARREARS_SQL = (c: string): string => `${c}.due_on < ?::date and not ${c}.voluntary`;
