import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../../kernel/errors';
import { parseCsvWithin } from '../../../kernel/csv';
import { Identity, coversDivision } from '../../../kernel/identity';
import { CsvLineProblem, MAX_ORDER_CSV_LINES, REPORTED_ORDER_CSV_LINES, readOrderCsv } from '../domain/order-csv';
import { assertStreetOfficeRole } from '../domain/order';
import { sentByHotline } from '../domain/hotline-sender';
import { allSenders } from '../persistence/sender.repository';
import { OrderImportCounts, admitOrders, lineTaxonomy } from './receive-order';
import { allowLongStatements } from '../../../platform/db/sql';

export type OrderImportSummary = OrderImportCounts;

/**
 * The street office backfills its street's orders from the hotline's export: all or nothing, every bad line reported
 * once with all its problems by column (BAD_USER_INPUT, `details.lines`, the first 1,000), never with its values
 * (the lines after the 1,001st bad one are not read); at most 200,000 lines; order numbers their streets already hold,
 * from the hotline or an earlier import, are counted as duplicates and left alone (a line imported first never makes
 * the hotline's own order under its number a duplicate: insertOrder); an order received since the street's hotline
 * system was registered comes from it and is refused here (sentByHotline). Set-based (admitOrders): the taxonomy and the
 * streets' compounds are read once, the orders staged in large statements and written with their transitions and
 * events in one.
 */
export async function importOrdersCsv(
  em: EntityManager,
  identity: Identity,
  csv: string,
  options: { demo?: boolean } = {},
): Promise<OrderImportSummary> {
  assertStreetOfficeRole(identity);
  const records = parseCsvWithin(csv, MAX_ORDER_CSV_LINES);
  if (!records)
    throw new InvalidInputError(`At most ${MAX_ORDER_CSV_LINES} lines of orders per file`, {
      maxLines: MAX_ORDER_CSV_LINES,
    });
  const { orders, problems, unread } = readOrderCsv(records, identity.organisationId, new Date());
  const byLine = new Map<number, CsvLineProblem>();
  const report = (p: CsvLineProblem) => {
    const known = byLine.get(p.line);
    if (known) Object.assign(known.fields, p.fields);
    else byLine.set(p.line, { line: p.line, fields: { ...p.fields } });
  };
  problems.forEach(report);
  for (const o of orders) {
    if (!coversDivision(identity, o.data.streetCode))
      report({ line: o.line, fields: { street_code: 'not a street of yours' } });
  }
  return em.transactional(async (tx) => {
    await allowLongStatements(tx);
    const taxonomy = await lineTaxonomy(tx, orders);
    taxonomy.problems.forEach(report);
    const senders = await allSenders(tx);
    for (const o of orders) {
      const problem = sentByHotline(o.data, senders);
      if (problem) report({ line: o.line, fields: { received_at: problem } });
    }
    if (byLine.size > 0) {
      const lines = [...byLine.values()].sort((a, b) => a.line - b.line);
      const count = unread ? `More than ${REPORTED_ORDER_CSV_LINES} lines` : `${lines.length} line(s)`;
      throw new InvalidInputError(`${count} of the file are invalid; nothing was imported`, {
        lines: lines.slice(0, REPORTED_ORDER_CSV_LINES),
      });
    }
    // Throwing rolls the whole file back.
    return admitOrders(tx, identity, orders, taxonomy.divisions, { demo: options.demo ?? false });
  });
}
