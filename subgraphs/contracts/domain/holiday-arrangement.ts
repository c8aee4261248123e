import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import {
  HolidayArrangement,
  RecordedYear,
  YearArrangement,
  yearArrangementProblems,
} from '../../../kernel/working-days';

/**
 * A year of the State Council's holiday arrangements as the admin records it once the notice
 * (国务院办公厅关于某年部分节假日安排的通知) is published: the days it gives off and the weekend days it makes working
 * days, with the notice it transcribes. The hub never makes a year up: until the admin records it, periods running
 * into it are shown provisional (their plain count) and judgements that need it are refused (kernel/working-days.ts).
 */
export interface NoticeSource {
  /** The notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  readonly title: string;
  /** Its document number when it has one, e.g. 国办发明电〔2025〕N号. */
  readonly documentNumber: string | null;
  readonly publishedOn: IsoDate;
  /** Where it is published (gov.cn). */
  readonly url: string;
}

export interface HolidayYearRecord extends RecordedYear {
  readonly source: NoticeSource;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export const MAX_TITLE_LENGTH = 200;
export const MAX_DOCUMENT_NUMBER_LENGTH = 100;

/** What is wrong with the notice's description; it cannot be published after the day it is recorded. */
export function sourceProblems(source: NoticeSource, today: IsoDate): string[] {
  const problems: string[] = [];
  if (!source.title.trim() || source.title.length > MAX_TITLE_LENGTH)
    problems.push(`SOURCE_TITLE: the notice's title is required, at most ${MAX_TITLE_LENGTH} characters`);
  if (
    source.documentNumber !== null &&
    (!source.documentNumber.trim() || source.documentNumber.length > MAX_DOCUMENT_NUMBER_LENGTH)
  )
    problems.push(`SOURCE_DOCUMENT_NUMBER: at most ${MAX_DOCUMENT_NUMBER_LENGTH} characters, or none`);
  if (!isIsoDate(source.publishedOn) || compareDates(source.publishedOn, today) > 0)
    problems.push(`SOURCE_PUBLISHED_ON: ${source.publishedOn} must be a date no later than today (${today})`);
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(source.url))
    problems.push('SOURCE_URL: the notice is cited by an http(s) URL');
  return problems;
}

/**
 * Checks a year to record against the calendar held (the package's years and the recorded ones): the next year, or
 * a correction of a recorded one (which must say why, in `note`), and the notice it comes from. Every problem at once.
 */
export function checkHolidayYear(
  held: HolidayArrangement,
  recordedYears: ReadonlySet<number>,
  input: { arrangement: YearArrangement; source: NoticeSource; note: string | null },
  today: IsoDate,
): void {
  const problems = [
    ...yearArrangementProblems(held, input.arrangement, recordedYears),
    ...sourceProblems(input.source, today),
  ];
  if (recordedYears.has(input.arrangement.year) && !input.note?.trim())
    problems.push(`CORRECTION_NEEDS_NOTE: ${input.arrangement.year} is recorded already; a correction says why`);
  if (problems.length > 0)
    throw new InvalidInputError(`The holiday arrangement for ${input.arrangement.year} is not valid`, { problems });
}
