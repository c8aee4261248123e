import { ReadScope } from '../domain/access';

/**
 * A read scope (domain/access.ts) as one SQL condition over rows aliased `alias` (default `p`) with company_id,
 * street_code and district_code. Division codes are digits, so the prefixes need no LIKE escaping.
 */
export function scopeCondition(scope: ReadScope, alias = 'p'): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'EVERYTHING':
      return { sql: 'true', params: [] };
    case 'COMPANY':
      return { sql: `${alias}.company_id = ?`, params: [scope.companyId] };
    case 'STREETS':
    case 'DISTRICTS': {
      const column = `${alias}.${scope.kind === 'STREETS' ? 'street_code' : 'district_code'}`;
      return {
        sql: `(${scope.prefixes.map(() => `${column} like ?`).join(' or ')})`,
        params: scope.prefixes.map((p) => `${p}%`),
      };
    }
  }
}

/**
 * A read scope as one SQL condition over accounts aliased `account`: a company's scope is on the account itself, a
 * street's or district's on the codes of its area (billing_area), the row aliased `area` where the query joins it,
 * else read by a subquery (`p`, any alias the query uses is untouched). The one place the accounts a caller reads are
 * chosen: findAccounts and the arrears list each chose it themselves before.
 */
export function accountScopeCondition(
  scope: ReadScope,
  aliases: { account: string; area?: string },
): { sql: string; params: unknown[] } {
  if (scope.kind !== 'STREETS' && scope.kind !== 'DISTRICTS') return scopeCondition(scope, aliases.account);
  if (aliases.area) return scopeCondition(scope, aliases.area);
  const inArea = scopeCondition(scope, 'p');
  return {
    sql: `${aliases.account}.area_id in (select p.area_id from arrears.billing_area p where ${inArea.sql})`,
    params: inArea.params,
  };
}
