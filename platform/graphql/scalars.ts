import { GraphQLID, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { FIRST_YEAR, YEARS_AHEAD, dateOutOfRange, isIsoDate } from '../../kernel/calendar';
import { todayInChina } from '../../kernel/clock';
import { InvalidInputError } from '../../kernel/errors';
import {
  BIDI_CONTROLS,
  CONTROL_CHARACTERS,
  FEN_CEILING,
  LINE_BREAK_OR_TAB,
  NONCHARACTERS,
  TEXT_MAX_LENGTH,
} from '../../kernel/input-bounds';
import { isStorableText } from '../../kernel/storable-text';
import { isUuid } from '../../kernel/uuid';

/**
 * The scalars every subgraph's arguments and input fields use, declared once: a value that breaks one is refused
 * while GraphQL coerces the request, before any resolver, SQL or event sees it, as BAD_USER_INPUT with
 * `details.fields` (the field is named by platform/subgraph/errors.ts, which knows where the value stood). Messages
 * say what is wrong, never echo the value.
 */

export class InputRefusedError extends InvalidInputError {
  constructor(
    readonly type: string,
    readonly problem: string,
  ) {
    super(`${type}: ${problem}`, { fields: { [type]: `${type} ${problem}` } });
    this.name = 'InputRefusedError';
  }
}

export const isInputRefused = (e: unknown): e is InputRefusedError => e instanceof InputRefusedError;

const refuse = (type: string, problem: string): never => {
  throw new InputRefusedError(type, problem);
};

const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`);
const LINE_BREAK_OR_TAB_CHARACTER = new RegExp(`[${LINE_BREAK_OR_TAB}]`);
const BIDI = new RegExp(`[${BIDI_CONTROLS}]`);
const NONCHARACTER = new RegExp(`[${NONCHARACTERS}]`);

export interface TextRules {
  name: string;
  maxLength: number;
  /** Free text keeps tab, line feed and carriage return; every other control character is refused. */
  multiline: boolean;
  description: string;
}

function checkText(rules: TextRules, value: unknown): string {
  if (typeof value !== 'string') return refuse(rules.name, 'must be a string');
  if (value.length > rules.maxLength) return refuse(rules.name, `longer than ${rules.maxLength} characters`);
  if (CONTROL.test(value) || (!rules.multiline && LINE_BREAK_OR_TAB_CHARACTER.test(value))) {
    return refuse(
      rules.name,
      rules.multiline ? 'contains a control character other than tab or line break' : 'contains a control character',
    );
  }
  if (BIDI.test(value)) return refuse(rules.name, 'contains a bidirectional control character');
  if (NONCHARACTER.test(value)) return refuse(rules.name, 'contains a noncharacter (U+FDD0–U+FDEF, U+FFFE, U+FFFF)');
  // JSON's "\ud800" alone: PostgreSQL would store U+FFFD in its place in a column, and refuse it in jsonb.
  if (!isStorableText(value)) return refuse(rules.name, 'contains half a surrogate pair');
  return value;
}

const literalOf = (type: string, ast: ValueNode, kinds: Kind[]): string => {
  if (!kinds.includes(ast.kind))
    return refuse(type, `must be ${kinds.includes(Kind.STRING) ? 'a string' : 'an integer'}`);
  return (ast as { value: string }).value;
};

/** A bounded text scalar: the one way a string argument or input field enters the hub. */
export function textScalar(rules: TextRules): GraphQLScalarType<string, string> {
  return new GraphQLScalarType<string, string>({
    name: rules.name,
    description: `${rules.description} At most ${rules.maxLength.toLocaleString('en')} characters; no NUL or other control characters${
      rules.multiline ? ' except tab and line breaks' : ''
    }, no bidirectional controls.`,
    serialize: (value) => String(value),
    parseValue: (value) => checkText(rules, value),
    parseLiteral: (ast) => checkText(rules, literalOf(rules.name, ast, [Kind.STRING] as Kind[])),
  });
}

/** An absolute URL (a webhook endpoint): one line, up to 2,048 characters; its scheme and host are checked where used. */
export const Url = textScalar({ name: 'Url', maxLength: 2048, multiline: false, description: 'An absolute URL.' });

/** File contents in standard base64 (RFC 4648 §4), bounded: a 20 MiB file is about 28 million characters. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_MAX = 28 * 1024 * 1024;
function checkBase64(value: unknown): string {
  const text = checkText({ name: 'Base64', maxLength: BASE64_MAX, multiline: false, description: '' }, value);
  if (text.length % 4 !== 0 || !BASE64.test(text)) return refuse('Base64', 'must be standard base64');
  return text;
}
export const Base64 = new GraphQLScalarType<string, string>({
  name: 'Base64',
  description: `File contents in standard base64, at most ${BASE64_MAX.toLocaleString('en')} characters.`,
  serialize: (value) => String(value),
  parseValue: checkBase64,
  parseLiteral: (ast) => checkBase64(literalOf('Base64', ast, [Kind.STRING] as Kind[])),
});

/** Names and titles of people, organisations, compounds, buildings, documents: one line, up to 200 characters. */
export const Name = textScalar({
  name: 'Name',
  maxLength: TEXT_MAX_LENGTH.name,
  multiline: false,
  description: 'A name or title, on one line.',
});

/** Reasons, notes, service standards: free text up to 2,000 characters. */
export const Note = textScalar({
  name: 'Note',
  maxLength: TEXT_MAX_LENGTH.note,
  multiline: true,
  description: 'Free text (a reason, a note, a standard).',
});

/**
 * Codes, references, numbers and keys: idempotency keys, division codes, case and record numbers, SHA-256 digests,
 * months, instants and decimal strings, whose own format the domain checks.
 */
export const Key = textScalar({
  name: 'Key',
  maxLength: TEXT_MAX_LENGTH.key,
  multiline: false,
  description: 'A code, reference, key or formatted value (month, instant, decimal).',
});

/** A whole CSV document (the compound import), as large as the subgraph accepts a request body. */
export const CsvText = textScalar({
  name: 'CsvText',
  maxLength: 32 * 1024 * 1024,
  multiline: true,
  description: 'A CSV document.',
});

function checkId(value: unknown): string {
  if (typeof value !== 'string') return refuse('ID', 'must be a string');
  if (!isUuid(value)) return refuse('ID', 'is not a UUID');
  return value.toLowerCase();
}

/**
 * Every record of the hub is keyed by a UUID, so a subgraph's `ID` accepts only UUIDs: a malformed id is refused
 * before any query. It keeps the name `ID` (callers' `$id: ID!` stays valid, the supergraph is unchanged) and the
 * spec's output, and replaces GraphQL's own ID in each subgraph schema (platform/federation/build-subgraph-schema.ts).
 */
export const UuidId = new GraphQLScalarType<string, string>({
  name: 'ID',
  description: 'A UUID.',
  serialize: (value) => GraphQLID.serialize(value),
  parseValue: checkId,
  parseLiteral: (ast) => checkId(literalOf('ID', ast, [Kind.STRING] as Kind[])),
});

function checkDate(value: unknown, today: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isIsoDate(value)) {
    return refuse('LocalDate', 'is not a YYYY-MM-DD calendar date');
  }
  const outOfRange = dateOutOfRange(value, today);
  return outOfRange ? refuse('LocalDate', outOfRange) : value;
}

/** A calendar date, YYYY-MM-DD (China Standard Time days), from 1949 to 50 years ahead of today. */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: `A calendar date, YYYY-MM-DD, from ${FIRST_YEAR}-01-01 to ${YEARS_AHEAD} years after today.`,
  serialize: (value) => String(value),
  parseValue: (value) => checkDate(value, todayInChina()),
  parseLiteral: (ast) => checkDate(literalOf('LocalDate', ast, [Kind.STRING] as Kind[]), todayInChina()),
});

function checkFen(type: string, ceiling: number, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return refuse(type, 'must be a whole number of fen');
  if (value < 0) return refuse(type, 'must not be negative');
  if (value > ceiling) return refuse(type, `is over ${ceiling.toLocaleString('en')} fen`);
  return value;
}

/** An amount of money in whole fen (分): an integer from 0 to the ceiling of its kind of field, never a Float. */
export function fenScalar(name: string, ceilingFen: number, description: string): GraphQLScalarType<number, number> {
  return new GraphQLScalarType<number, number>({
    name,
    description: `${description} Whole fen (分), 0 to ${ceilingFen.toLocaleString('en')}.`,
    serialize: (value) => Number(value),
    parseValue: (value) => checkFen(name, ceilingFen, value),
    parseLiteral: (ast) => checkFen(name, ceilingFen, Number(literalOf(name, ast, [Kind.INT] as Kind[]))),
  });
}

/** Amounts of claims, judgements, levies, costs, corrections and filters: up to ¥100,000,000. */
export const Fen = fenScalar('Fen', FEN_CEILING.amount, 'An amount of money.');
/** One payment or instalment from a household: up to ¥1,000,000. */
export const PaymentFen = fenScalar('PaymentFen', FEN_CEILING.payment, 'A payment by one household.');
/** A rate per m² (per month for fees, once for a levy): up to ¥1,000 per m². */
export const RateFen = fenScalar('RateFen', FEN_CEILING.rate, 'A rate per square metre.');

/** The hub's scalars, for the schema builder (type-graphql's scalarsMap is by TypeScript type; these go by name). */
export const HUB_SCALARS = [Name, Note, Key, Url, CsvText, Base64, LocalDate, Fen, PaymentFen, RateFen] as const;
