import { ReadScope } from '../domain/access';

/**
 * A read scope (domain/access.ts) as one SQL condition over rows aliased `p` with company_id, street_code and
 * district_code. Division codes are digits, so the prefixes need no LIKE escaping.
 */
export function scopeCondition(scope: ReadScope): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'EVERYTHING':
      return { sql: 'true', params: [] };
    case 'COMPANY':
      return { sql: 'p.company_id = ?', params: [scope.companyId] };
    case 'STREETS':
    case 'DISTRICTS': {
      const column = scope.kind === 'STREETS' ? 'p.street_code' : 'p.district_code';
      return {
        sql: `(${scope.prefixes.map(() => `${column} like ?`).join(' or ')})`,
        params: scope.prefixes.map((p) => `${p}%`),
      };
    }
  }
}
