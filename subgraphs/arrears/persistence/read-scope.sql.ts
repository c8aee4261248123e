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
