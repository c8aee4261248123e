import type { EntityManager } from '@mikro-orm/postgresql';
import { DEADLINE_CHANGED_EVENTS, DeadlineChangedData } from '../../catalog';
import { IsoDate, compareDates } from '../../kernel/calendar';
import { sqlArray, sqlRows } from '../db/sql';
import { recordEvents } from './outbox';

/**
 * Whether `deadline`, as its publisher computes it now, was last announced with no due date only for want of the
 * holiday years just recorded: still open (neither met nor cancelled) and due after `heldUntilBefore`, the last day
 * the calendar answered for before them. A period ending after that day needed a day past it, so its due date was
 * null then (kernel/working-days.ts unlessBeyondCalendar); one ending on or before it looked at no day the new years
 * change (a year's notice reaches back to 25 December at most), so it was announced with this very date.
 */
export function datedByNewHolidayYears(deadline: DeadlineChangedData, heldUntilBefore: IsoDate): boolean {
  return (
    !deadline.cancelled &&
    deadline.metOn === null &&
    deadline.dueOn !== null &&
    compareDates(deadline.dueOn, heldUntilBefore) > 0
  );
}

/** How one subgraph's deadlines are found and announced again (see reannounceUndatedDeadlines). */
export interface UndatedDeadlineSweep<Row extends { id: string }> {
  /** The event the subgraph announces its deadlines with, and its source. */
  event: (typeof DEADLINE_CHANGED_EVENTS)[number];
  source: string;
  /**
   * The next `size` aggregates after `after` in id order (all from the first when null) that may hold an open
   * deadline, locked (FOR UPDATE) until the transaction ends, so no change of theirs announces in between.
   */
  candidates(tx: EntityManager, after: string | null, size: number): Promise<Row[]>;
  /** The aggregate's deadlines as its publisher computes them now, with the calendar the new years extended. */
  deadlinesOf(row: Row): readonly (DeadlineChangedData | null)[];
  /**
   * The next sequence of each aggregate announced again, taken in one statement from its counter of announcements;
   * absent where the publisher's own sequence already outranks an undated announcement and not a later one.
   */
  nextSequences?(tx: EntityManager, ids: readonly string[]): Promise<ReadonlyMap<string, number>>;
}

/**
 * UndatedDeadlineSweep.nextSequences for aggregates keeping their announcements' counter in a `deadline_sequence`
 * column of `table` (schema-qualified, a constant of the caller): takes each one's next value in one statement.
 */
export const nextDeadlineSequencesOf =
  (table: string) =>
  async (tx: EntityManager, ids: readonly string[]): Promise<Map<string, number>> => {
    const rows = await sqlRows<{ id: string; deadline_sequence: number }>(
      tx,
      `update ${table} set deadline_sequence = deadline_sequence + 1 where id = any(?::uuid[])
        returning id, deadline_sequence`,
      [sqlArray(ids)],
    );
    return new Map(rows.map((r) => [r.id, Number(r.deadline_sequence)]));
  };

/** Aggregates read per statement. */
export const UNDATED_DEADLINE_BATCH = 500;

/**
 * Once holiday years are recorded, announces again, in the caller's transaction (outbox), every open deadline of the
 * subgraph that was announced without a due date for want of them: the register (feeds) keeps an announcement until
 * a higher sequence comes, so without this such a deadline stayed undated there for good (no reminder, never
 * overdue) while the API showed its date. Per batch of aggregates: one statement reads and locks them, the due dates
 * are the publisher's own (no copy of a rule), one statement takes the sequences, one writes the outbox rows.
 * Returns the number of deadlines announced. Nothing is announced twice for the same years: a deadline due after
 * `heldUntilBefore` was announced before them undated, and the next years start after the ones recorded now.
 */
export async function reannounceUndatedDeadlines<Row extends { id: string }>(
  tx: EntityManager,
  heldUntilBefore: IsoDate,
  sweep: UndatedDeadlineSweep<Row>,
  batch = UNDATED_DEADLINE_BATCH,
): Promise<number> {
  let announced = 0;
  for (let after: string | null = null; ;) {
    const rows = await sweep.candidates(tx, after, batch);
    const dated = rows.flatMap((row) =>
      sweep
        .deadlinesOf(row)
        .filter((d): d is DeadlineChangedData => d !== null && datedByNewHolidayYears(d, heldUntilBefore))
        .map((deadline) => ({ id: row.id, deadline })),
    );
    if (dated.length > 0) {
      const sequences = await sweep.nextSequences?.(tx, [...new Set(dated.map((d) => d.id))]);
      await recordEvents(
        tx,
        sweep.event,
        dated.map(({ id, deadline }) => ({
          source: sweep.source,
          key: deadline.deadlineKey,
          subject: deadline.subjectId,
          data: sequences ? { ...deadline, sequence: sequenceOf(sequences, id) } : deadline,
        })),
      );
      announced += dated.length;
    }
    if (rows.length < batch) return announced;
    after = rows[rows.length - 1].id;
  }
}

function sequenceOf(sequences: ReadonlyMap<string, number>, id: string): number {
  const sequence = sequences.get(id);
  if (sequence === undefined) throw new Error(`No deadline sequence was taken for ${id}`);
  return sequence;
}
