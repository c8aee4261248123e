import type { CombinedError } from 'urql';

/** What the console shows for a refusal: the API's own message, its code and the fields it names. */
export interface ShownError {
  message: string;
  code?: string;
  fields: { field: string; message: string }[];
}

interface ErrorExtensions {
  code?: string;
  details?: { fields?: { field?: string; path?: string; message?: string }[] };
}

export function shownErrors(error: CombinedError | undefined): ShownError[] {
  if (!error) return [];
  if (error.graphQLErrors.length === 0)
    return [
      { message: error.networkError ? `无法连接到服务：${error.networkError.message}` : error.message, fields: [] },
    ];
  return error.graphQLErrors.map((e) => {
    const ext = (e.extensions ?? {}) as ErrorExtensions;
    const fields = (ext.details?.fields ?? []).map((f) => ({
      field: f.field ?? f.path ?? '',
      message: f.message ?? '',
    }));
    return { message: e.message, code: ext.code, fields };
  });
}
