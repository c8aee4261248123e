import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../../kernel/errors';
import { parseCsv } from '../../../kernel/csv';
import { Identity, coversDivision } from '../../../kernel/identity';
import { CsvLineProblem, readOrderCsv } from '../domain/order-csv';
import { assertStreetOfficeRole } from '../domain/order';
import { admitOrders } from './receive-order';

export interface OrderImportSummary {
  received: number;
  duplicates: number;
  unmatched: number;
}

/**
 * The street office backfills its street's orders from the hotline's export: all or nothing, every bad line reported
 * by column (BAD_USER_INPUT, `details.lines`), never with its values; order numbers already held are counted as
 * duplicates and left alone. Set-based: the taxonomy and the streets' compounds are read once, and the orders, their
 * transitions and their events go in a few statements (admitOrders), so a backfill of a year runs in seconds.
 */
export async function importOrdersCsv(
  em: EntityManager,
  identity: Identity,
  csv: string,
  options: { demo?: boolean } = {},
): Promise<OrderImportSummary> {
  assertStreetOfficeRole(identity);
  const { orders, problems } = readOrderCsv(parseCsv(csv), identity.organisationId);
  for (const o of orders) {
    if (!coversDivision(identity, o.data.streetCode))
      problems.push({ line: o.line, fields: { street_code: 'not a street of yours' } });
  }
  const refuse = (lines: CsvLineProblem[]) =>
    new InvalidInputError(`${lines.length} line(s) of the file are invalid; nothing was imported`, {
      lines: lines.sort((a, b) => a.line - b.line).slice(0, 1000),
    });
  if (problems.length > 0) throw refuse(problems);
  return em.transactional(async (tx) => {
    const admitted = await admitOrders(tx, identity, orders, { demo: options.demo ?? false });
    // Throwing rolls the whole file back.
    if ('problems' in admitted) throw refuse(admitted.problems);
    return admitted;
  });
}
