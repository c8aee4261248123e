/**
 * The accounts whose stored arrears balance (`arrears_fen`, `arrears_charges`, `oldest_due_on`) differs from the sum
 * over their charges as of the balance day: open, past due on that day and not voluntary. Written out here, apart
 * from refreshBalances and IN_ARREARS_SQL, so that it checks them. With `byArea`, `$1` is an area: only its accounts
 * and charges are read (the billing benchmark's million-household area among others).
 */
export function balanceMismatchesSql({ byArea = false } = {}): string {
  const area = (t: string) => (byArea ? `${t}.area_id = $1 and ` : '');
  return `
  select a.id, a.arrears_fen, a.arrears_charges, a.oldest_due_on, s.fen, s.n, s.oldest
    from arrears.account a
    left join (select c.account_id, sum(c.amount_fen - c.paid_fen - c.waived_fen)::int8 as fen, count(*)::int as n, min(c.due_on) as oldest
                 from arrears.charge c, arrears.balance_day d
                where ${area('c')}c.amount_fen > c.paid_fen + c.waived_fen and c.due_on < d.as_of and not c.voluntary
                group by c.account_id) s on s.account_id = a.id
   where ${area('a')}(a.arrears_fen, a.arrears_charges, a.oldest_due_on) is distinct from (coalesce(s.fen, 0), coalesce(s.n, 0), s.oldest)`;
}
