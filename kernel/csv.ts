import { InvalidInputError } from './errors';

/**
 * A small RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and line breaks.
 * Returns records with the line number where each starts, so import errors can point at the line. A quote opened and
 * never closed is refused (BAD_USER_INPUT with its line): read as RFC 4180 says, it took every line after it into one
 * field, and those rows were silently not imported.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A file of a header and at most `maxRows` rows: its records, or undefined when it has more, found by reading one row
 * past the bound and no further (a file of line breaks alone is not held whole to be refused).
 */
export function parseCsvWithin(text: string, maxRows: number): CsvRecord[] | undefined {
  const records = parseCsv(text, maxRows + 2);
  return records.length - 1 > maxRows ? undefined : records;
}

/** `maxRecords` stops the reading there. */
export function parseCsv(text: string, maxRecords = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  const n = source.length;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  // Runs of ordinary characters are taken as one slice (a backfill of 100,000 lines is some 20 million characters).
  for (let i = 0; i < n && records.length < maxRecords;) {
    const c = source.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE && source.charCodeAt(i + 1) === QUOTE) {
        field += '"';
        i += 2;
      } else if (c === QUOTE) {
        quoted = false;
        i++;
      } else {
        let j = i;
        for (let d = c; j < n && d !== QUOTE; d = source.charCodeAt(++j)) if (d === LF) line++;
        field += source.slice(i, j);
        i = j;
      }
    } else if (c === QUOTE && field === '') {
      quoted = true;
      i++;
    } else if (c === COMMA) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === LF || c === CR) {
      i += c === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    } else {
      let j = i + 1;
      for (let d = source.charCodeAt(j); j < n && d !== COMMA && d !== LF && d !== CR; d = source.charCodeAt(++j));
      field += source.slice(i, j);
      i = j;
    }
  }
  if (quoted && records.length < maxRecords)
    throw new InvalidInputError(`The quoted field that starts on line ${recordLine} is never closed`, {
      line: recordLine,
    });
  if ((field !== '' || fields.length > 0) && records.length < maxRecords) endRecord();
  return records;
}
