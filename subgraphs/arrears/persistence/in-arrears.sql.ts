/**
 * The SQL form of kernel/past-due.ts isPastDue for a charge row aliased `c`, with one `?` for the as-of date: the
 * charge fell due before that day (Civil Code art. 944 para. 2). Every set-based query of arrears, aging and
 * collection rates uses this one condition, so SQL and the domain rule cannot drift apart (the arrears-claims gateway test checks both).
 */
export const IN_ARREARS_SQL = (c: string): string => `${c}.due_on < ?::date`;
