import { ReadScope } from '../domain/access';

/**
 * Values as one PostgreSQL array literal, for `column = any(?::uuid[])` (or `::text[]`): the ORM would spread a JS
 * array into a list of parameters. Each element is quoted, so a comma or brace in a malformed id cannot split it;
 * the cast to uuid[] then refuses it (22P02, answered as BAD_USER_INPUT) rather than matching nothing.
 */
export const pgArray = (ids: readonly string[]): string => `{${ids.map((id) => `"${id.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

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
      return { sql: `(${scope.prefixes.map(() => `${column} like ?`).join(' or ')})`, params: scope.prefixes.map((p) => `${p}%`) };
    }
  }
}
