import fc from 'fast-check';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { addYears } from '../../kernel/calendar';
import { todayInChina } from '../../kernel/clock';
import { boundEcho, callerStrings, clipEchoes } from './bound-echo';
import { CsvText, Fen, InputRefusedError, Key, LocalDate, Name, Note, PaymentFen, RateFen, UuidId } from './scalars';

const refusal = (parse: () => unknown): string => {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InputRefusedError);
    return (error as InputRefusedError).problem;
  }
  throw new Error('accepted');
};
const literal = (kind: Kind, value: string) => ({ kind, value }) as ValueNode;

describe('the hub’s scalars', () => {
  it('Name: one line, at most 200 characters, no control or bidi characters, no half surrogate pair', () => {
    expect(Name.parseValue('学院南路32号院')).toBe('学院南路32号院');
    expect(Name.parseValue('名'.repeat(200))).toHaveLength(200);
    expect(refusal(() => Name.parseValue('名'.repeat(201)))).toBe('longer than 200 characters');
    for (const bad of ['a\u0000b', 'a\nb', 'a\tb', 'a\u007fb', 'a\u0085b'])
      expect(refusal(() => Name.parseValue(bad))).toBe('contains a control character');
    for (const bidi of ['\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\u061c']) {
      expect(refusal(() => Name.parseValue(`王${bidi}五`))).toBe('contains a bidirectional control character');
    }
    for (const half of ['\ud800', '\udfff', '王\ud83d', '\ude00五'])
      expect(refusal(() => Name.parseValue(half))).toBe('contains half a surrogate pair');
    expect(Name.parseValue('王😀五')).toBe('王😀五');
    // Not text, and U+FFFE/U+FFFF not XML: a defendant's name holding one made the frozen .docx unreadable.
    for (const non of ['\ufffe', '\uffff', '\ufdd0', '\ufdef'])
      expect(refusal(() => Name.parseValue(`李${non}四`))).toMatch(/^contains a noncharacter/);
    expect(Name.parseValue('李\ufffd四')).toBe('李\ufffd四');
    expect(refusal(() => Name.parseValue(42))).toBe('must be a string');
    expect(refusal(() => Name.parseLiteral(literal(Kind.INT, '42')))).toBe('must be a string');
    expect(Name.parseLiteral(literal(Kind.STRING, '王五'))).toBe('王五');
  });

  it('Note: free text up to 2,000 characters with tabs and line breaks; Key up to 128; CsvText for whole files', () => {
    expect(Note.parseValue('第一行\r\n\t第二行')).toBe('第一行\r\n\t第二行');
    expect(refusal(() => Note.parseValue('说'.repeat(2001)))).toBe('longer than 2000 characters');
    expect(refusal(() => Note.parseValue('bell\u0007'))).toBe(
      'contains a control character other than tab or line break',
    );
    expect(Key.parseValue('k'.repeat(128))).toHaveLength(128);
    expect(refusal(() => Key.parseValue('k'.repeat(129)))).toBe('longer than 128 characters');
    expect(CsvText.parseValue('building,unit\n1号楼,1\n')).toBe('building,unit\n1号楼,1\n');
    expect(refusal(() => CsvText.parseValue('a,b\u0000'))).toBe(
      'contains a control character other than tab or line break',
    );
  });

  it('ID: a UUID, nothing else', () => {
    expect(UuidId.name).toBe('ID');
    expect(UuidId.parseValue('0B8D3C55-7A1E-4F1B-9C2D-3E4F5A6B7C8D')).toBe('0b8d3c55-7a1e-4f1b-9c2d-3e4f5a6b7c8d');
    for (const bad of ['1', '1 or 1=1', '0b8d3c55-7a1e-4f1b-9c2d-3e4f5a6b7c8d\u0000', ''])
      expect(refusal(() => UuidId.parseValue(bad))).toBe('is not a UUID');
    expect(refusal(() => UuidId.parseValue(7))).toBe('must be a string');
    expect(UuidId.serialize('x')).toBe('x');
  });

  it('LocalDate: a real calendar date from 1949 to 50 years after today', () => {
    const today = todayInChina();
    expect(LocalDate.parseValue('1949-01-01')).toBe('1949-01-01');
    expect(LocalDate.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(LocalDate.parseValue(addYears(today, 50))).toBe(addYears(today, 50));
    expect(refusal(() => LocalDate.parseValue('2026-02-30'))).toBe('is not a YYYY-MM-DD calendar date');
    expect(refusal(() => LocalDate.parseValue('2025-02-29'))).toBe('is not a YYYY-MM-DD calendar date');
    expect(refusal(() => LocalDate.parseValue('1948-12-31'))).toBe('is before 1949');
    expect(refusal(() => LocalDate.parseValue(addYears(today, 51)))).toBe('is more than 50 years ahead');
    for (const bad of ['2026-1-5', '20260105', '2026-01-05T00:00:00Z', 20260105])
      expect(refusal(() => LocalDate.parseValue(bad))).toBe('is not a YYYY-MM-DD calendar date');
  });

  it('Fen: whole fen from 0 to the ceiling of its kind, never a fraction, a string or a Float literal', () => {
    expect(PaymentFen.parseValue(100_000_000)).toBe(100_000_000);
    expect(refusal(() => PaymentFen.parseValue(100_000_001))).toBe('is over 100,000,000 fen');
    expect(refusal(() => Fen.parseValue(10_000_000_001))).toBe('is over 10,000,000,000 fen');
    expect(refusal(() => RateFen.parseValue(100_001))).toBe('is over 100,000 fen');
    expect(refusal(() => Fen.parseValue(-1))).toBe('must not be negative');
    for (const bad of [1.5, '100', Number.NaN, Number.POSITIVE_INFINITY, null])
      expect(refusal(() => Fen.parseValue(bad))).toBe('must be a whole number of fen');
    expect(Fen.parseLiteral(literal(Kind.INT, '178'))).toBe(178);
    expect(refusal(() => Fen.parseLiteral(literal(Kind.FLOAT, '1.5')))).toBe('must be an integer');
    expect(refusal(() => Fen.parseLiteral(literal(Kind.STRING, '100')))).toBe('must be an integer');
  });

  it('error messages quote at most 100 characters of any value', () => {
    const long = 'x'.repeat(5000);
    const message = new GraphQLError(
      `Variable "$n" got invalid value "${long}"; Int cannot represent non-integer value: "${long}"`,
    ).message;
    const bounded = boundEcho(message);
    expect(bounded).not.toContain('x'.repeat(101));
    expect(bounded).toContain('x'.repeat(100));
    expect(bounded.length).toBeLessThanOrEqual(501);
    expect(boundEcho('Expected value of type "Int", found "abc".')).toBe('Expected value of type "Int", found "abc".');
  });

  it('clips quoted values as the regular expression it replaced did, in one pass even on a raw block string', () => {
    // The former form, kept here as the reference on short messages (on long adversarial ones it backtracked).
    const reference = (message: string) => {
      const clipped = message.replace(
        /"((?:[^"\\]|\\.){101,}?)(?="|$)/g,
        (_all, inner: string) => `"${inner.slice(0, 100)}…`,
      );
      return clipped.length > 500 ? `${clipped.slice(0, 500)}…` : clipped;
    };
    const piece = fc.constantFrom('"', '\\', '\\"', 'a', '院', '\n', '\u2028', 'x'.repeat(40), '\\\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const message = pieces.join('');
        expect(boundEcho(message)).toBe(reference(message));
      }),
      { numRuns: 3000 },
    );
    // graphql-js' message for a 1 MiB block string of escaped quotes ending in a lone backslash, given to an Int:
    // the former expression took some 145 s over it (0.5 s over the 64 KiB a caller without a token may send).
    const raw = `Int cannot represent non-integer value: """${'\\"'.repeat(500_000)}\\\n"""`;
    expect(boundEcho(raw)).toBe(`${raw.slice(0, 500)}…`);
  });

  it('a rule’s own message is clipped against the strings the caller sent, quoted or not', () => {
    const name = '院'.repeat(200);
    const sent = callerStrings({ i: { name, kind: 'X' }, list: ['a'] }, undefined);
    expect(sent).toEqual([name, 'X', 'a']);
    const clipped = clipEchoes(`A compound named ${name} is already registered in this street`, sent);
    expect(clipped).toBe(`A compound named ${'院'.repeat(100)}… is already registered in this street`);
  });
});
