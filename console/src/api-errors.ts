import type { CombinedError } from 'urql';

/** What the console shows for a refusal: the API's own message, its code, the fields and the lines it names. */
export interface ShownError {
  message: string;
  code?: string;
  fields: { field: string; message: string }[];
  /** A CSV import's bad lines (BAD_USER_INPUT `details.lines`), every one the API named. */
  lines: { line: number; field: string; problem: string }[];
}

interface FieldEntry {
  field?: string;
  path?: string;
  message?: string;
  constraints?: Record<string, string>;
}

interface ErrorExtensions {
  code?: string;
  /** The hub names refused fields as a map (field → problem); GraphQL input validation as a list. */
  details?: { fields?: Record<string, unknown> | FieldEntry[]; lines?: unknown[]; problems?: unknown[] };
}

/**
 * The details are read as they come, never as they should be: an entry of `null` (or a list where a map was meant)
 * threw while the error itself was rendered, and the screen went blank instead of showing it.
 */
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function fieldsOf(fields: unknown): ShownError['fields'] {
  if (Array.isArray(fields))
    return fields.filter(isObject).map((f: FieldEntry) => ({
      field: text(f.field) || text(f.path),
      message:
        text(f.message) ||
        Object.values(isObject(f.constraints) ? f.constraints : {})
          .map(String)
          .join('；'),
    }));
  if (!isObject(fields)) return [];
  return Object.entries(fields).map(([field, problem]) => ({ field, message: String(problem) }));
}

/** Rule problems (`details.problems`: a code, or {code, field, message}), each shown with the field it concerns. */
function problemsOf(problems: unknown): ShownError['fields'] {
  return listOf(problems).map((p) => {
    if (typeof p !== 'object' || p === null) return { field: '', message: String(p) };
    const problem = p as { code?: unknown; field?: unknown; message?: unknown };
    const code = typeof problem.code === 'string' ? problem.code : '';
    const message = typeof problem.message === 'string' ? problem.message : '';
    return {
      field: typeof problem.field === 'string' ? problem.field : '',
      message: code && message ? `${message}（${code}）` : message || code,
    };
  });
}

function linesOf(lines: unknown): ShownError['lines'] {
  return listOf(lines).flatMap((l) => {
    if (!isObject(l)) return [];
    const line = l as { line?: unknown; field?: unknown; problem?: unknown };
    return typeof line.line === 'number'
      ? [{ line: line.line, field: String(line.field ?? ''), problem: String(line.problem ?? '') }]
      : [];
  });
}

export function shownErrors(error: CombinedError | undefined): ShownError[] {
  if (!error) return [];
  if (error.graphQLErrors.length === 0)
    return [
      {
        message: error.networkError ? `无法连接到服务：${error.networkError.message}` : error.message,
        fields: [],
        lines: [],
      },
    ];
  return error.graphQLErrors.map((e) => {
    const ext = (e.extensions ?? {}) as ErrorExtensions;
    const details: Record<string, unknown> = isObject(ext.details) ? ext.details : {};
    return {
      message: e.message,
      code: typeof ext.code === 'string' ? ext.code : undefined,
      fields: [...fieldsOf(details.fields), ...problemsOf(details.problems)],
      lines: linesOf(details.lines),
    };
  });
}
