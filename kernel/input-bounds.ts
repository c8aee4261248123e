/**
 * What an outsider may send, declared once for both doors into the hub: the GraphQL scalars
 * (platform/graphql/scalars.ts) and the JSON Schemas of the events outside parties write on their own topics
 * (`InboundText` in catalog/types.ts: courts' case events, bureaus' filing reviews, the hotline's orders).
 */

/**
 * The longest text of each kind. GraphQL counts UTF-16 code units, JSON Schema's `maxLength` code points: an event's
 * text of characters beyond the BMP may be up to twice as long in code units, never longer in characters.
 */
export const TEXT_MAX_LENGTH = {
  /** names and titles of people, organisations, compounds, buildings, documents */
  name: 200,
  /** reasons, notes, service standards */
  note: 2000,
  /** codes, references, case and record numbers, keys */
  key: 128,
} as const;

// Character classes, as the bodies of regular-expression brackets (one source for RegExp and JSON Schema patterns).
/** C0 controls other than tab and line breaks, DEL and C1 controls. */
export const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
/** Allowed in free text only. */
export const LINE_BREAK_OR_TAB = '\\t\\n\\r';
/** Bidirectional embedding, override and isolate characters, and the implicit marks (Trojan-source reordering). */
export const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/**
 * The noncharacters of the Basic Multilingual Plane: never text, and U+FFFE and U+FFFF are not allowed in XML, so a
 * name holding one made the .docx complaint (frozen, its digest chained) a file Word cannot read.
 */
export const NONCHARACTERS = '\\ufdd0-\\ufdef\\ufffe\\uffff';

/** A whole text holding none of the refused characters (free text may hold tab and line breaks). */
export const textPattern = (multiline: boolean): string =>
  `^[^${CONTROL_CHARACTERS}${multiline ? '' : LINE_BREAK_OR_TAB}${BIDI_CONTROLS}${NONCHARACTERS}]*$`;

const YUAN = 100;
/** The ceilings of amounts in whole fen (分). */
export const FEN_CEILING = {
  /** claims, judgements, settlements, levies, costs, corrections and filters: ¥100,000,000 */
  amount: 100_000_000 * YUAN,
  /** one payment or instalment from a household: ¥1,000,000 */
  payment: 1_000_000 * YUAN,
  /** a rate per m² (per month for fees, once for a levy): ¥1,000 */
  rate: 1_000 * YUAN,
} as const;
