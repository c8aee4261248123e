import { GOVERNANCE_MODELS, GovernanceModel, RESPONSIBLE_PARTY_KINDS, ResponsiblePartyKind } from '../../../catalog';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { cityPrefix } from '../../../kernel/city-code';
import { Identity } from '../../../kernel/identity';

/** A category of the complaints taxonomy (大类), valid for a period; the city bureau keeps one version per year. */
export interface CategoryDefinition {
  /**
   * The administrative division whose hotline orders the version serves, as a jurisdiction names it (a GB/T 2260
   * code's significant digits: 11 Beijing, 110102 西城区, 220681 临江市). Each division keeps its own taxonomy, so two
   * cities may use the same codes (see governingCategories). Optional on input: the bureau's only jurisdiction.
   */
  division?: string | null;
  code: string;
  name: string;
  validFrom: string;
  validTo?: string | null;
  /** The public document the category is taken from; the hub ships no text it cannot cite. */
  source: string;
}

/** An item (小项) of a category with the party normally responsible under each governance model. */
export interface ItemDefinition extends CategoryDefinition {
  categoryCode: string;
  responsible: Record<GovernanceModel, ResponsiblePartyKind>;
}

/** A version as recorded, with who recorded it. */
export interface RecordedCategory extends CategoryDefinition {
  division: string;
  validTo: string | null;
  recordedBy: string;
  recordedAt: Date;
}
export interface RecordedItem extends ItemDefinition {
  division: string;
  validTo: string | null;
  recordedBy: string;
  recordedAt: Date;
}

const CODE = /^[A-Za-z0-9._-]{1,32}$/;

export function assertMayMaintainTaxonomy(identity: Identity): void {
  if (identity.role !== 'CITY_BUREAU' && identity.role !== 'ADMIN')
    throw new ForbiddenError('Only the city bureau maintains the complaints taxonomy');
}

/** A division as a jurisdiction names it: a GB/T 2260 code's significant digits (2, 4 or 6), or a street's 9 or 12. */
const DIVISION = /^[1-9][0-9](?:[0-9]{2}){0,2}$|^[1-9][0-9]{8}(?:[0-9]{3})?$/;

/** A division code as kept: six, four or two digits by their significant ones (110000 as 11, 220600 as 2206). */
const divisionOf = (code: string): string => (code.length <= 6 ? cityPrefix(code) : code);

/**
 * The division a bureau records a version for: one of its own jurisdictions, the one named (a six-digit code taken
 * by its significant digits, 110000 as 11), else its only one; the admin names any. Not a division within a
 * jurisdiction: a city's bureau naming a district's code would replace the district bureau's own categories there
 * (governingCategories) past the keeper rule. Before, the taxonomy was one for every city: the first bureau to record
 * a code kept it everywhere, so a second city's bureau was refused its own codes and that city's orders were
 * dispatched by the first city's mapping.
 */
export function taxonomyDivision(identity: Identity, named?: string | null): string {
  // The admin may keep the taxonomy recorded before divisions ('', every division without its own): a new version, or
  // one ending it, so a city that has none of its own no longer follows it (helper-204: before, nobody could).
  if (named === '') {
    if (identity.role === 'ADMIN') return '';
    throw new ForbiddenError('Only the admin keeps the taxonomy recorded before divisions were kept');
  }
  const own = identity.jurisdictions.map(divisionOf);
  const given = named?.trim() || (identity.role !== 'ADMIN' && own.length === 1 ? own[0] : undefined);
  const division = given === undefined ? undefined : divisionOf(given);
  if (given === undefined || !DIVISION.test(given) || !DIVISION.test(division!))
    throw new InvalidInputError('Name the division the taxonomy serves', {
      fields: {
        division:
          given === undefined
            ? 'required: name one of your jurisdictions'
            : 'division must be a GB/T 2260 code (2, 4 or 6 digits) or a street code (9 or 12 digits)',
      },
    });
  if (identity.role !== 'ADMIN' && !own.includes(division!))
    throw new ForbiddenError(`Division ${division} is not one of your jurisdictions`);
  return division!;
}

/**
 * The categories a street's orders of a day follow, of those in force that day holding items then: for each code, the
 * version of the most specific division whose code prefixes the street's (a district's own category before its
 * city's; the city's other categories still apply). A category holding no item that day governs nothing, so a
 * division's new category replaces the wider one's only once it has items. Versions recorded before taxonomies were
 * kept per division serve every division (''), after any division's own.
 */
export function governingCategories<T extends { division: string; code: string }>(
  inForce: readonly T[],
  streetCode: string,
  holdsItems: (category: T) => boolean,
): T[] {
  const governing = new Map<string, T>();
  for (const c of inForce) {
    const held = governing.get(c.code);
    if (streetCode.startsWith(c.division) && (!held || c.division.length > held.division.length) && holdsItems(c))
      governing.set(c.code, c);
  }
  return [...governing.values()];
}

/** Whether a category holds one of `items` (its division's, of its code). */
export const holdsOneOf =
  (items: readonly { division: string; categoryCode: string }[]) =>
  (category: { division: string; code: string }): boolean =>
    items.some((i) => i.division === category.division && i.categoryCode === category.code);

/**
 * The item a street's order of a day may name, of the categories and items of its code in force that day: the item of
 * that code in the category governingCategories gives the street; undefined when there is none. The one rule the
 * hotline's orders and a backfill's lines are both checked by.
 */
export function governingItem<I extends { division: string; categoryCode: string; code: string }>(
  categories: readonly { division: string; code: string }[],
  items: readonly I[],
  streetCode: string,
  itemCode: string,
): I | undefined {
  const [category] = governingCategories(categories, streetCode, holdsOneOf(items));
  return category && items.find((i) => i.division === category.division && i.code === itemCode);
}

/**
 * A category or item is kept, within its division, by the organisation that recorded its first version: only it (or
 * the hub's administrators) records later versions, or new items of a category. Before, any city bureau, of any city,
 * could record a version of another's item and change who every order of it was dispatched to.
 */
export function assertKeeps(identity: Identity, what: string, keeper: string | null): void {
  if (keeper !== null && keeper !== identity.organisationId && identity.role !== 'ADMIN')
    throw new ForbiddenError(`${what} is kept by ${keeper}: only it records its versions`);
}

function periodProblems(input: CategoryDefinition, problems: Record<string, string>): void {
  if (!CODE.test(input.code ?? '')) problems.code = 'code must be 1 to 32 letters, digits, dot, underscore or hyphen';
  if (!input.name?.trim()) problems.name = 'name must not be empty';
  if (!input.source?.trim()) problems.source = 'source must name the public document the text is taken from';
  if (!isIsoDate(input.validFrom ?? '')) problems.validFrom = 'validFrom must be a date YYYY-MM-DD';
  if (
    input.validTo != null &&
    (!isIsoDate(input.validTo) || (isIsoDate(input.validFrom) && compareDates(input.validTo, input.validFrom) < 0))
  ) {
    problems.validTo = 'validTo must be a date on or after validFrom';
  }
}

const fail = (what: string, problems: Record<string, string>) => {
  if (Object.keys(problems).length > 0) throw new InvalidInputError(`The ${what} is invalid`, { fields: problems });
};

export function validateCategory(input: CategoryDefinition): CategoryDefinition & { validTo: string | null } {
  const problems: Record<string, string> = {};
  periodProblems(input, problems);
  fail('category', problems);
  return { ...input, name: input.name.trim(), source: input.source.trim(), validTo: input.validTo ?? null };
}

export function validateItem(input: ItemDefinition): ItemDefinition & { validTo: string | null } {
  const problems: Record<string, string> = {};
  periodProblems(input, problems);
  if (!CODE.test(input.categoryCode ?? '')) problems.categoryCode = 'categoryCode must be a category code';
  for (const model of GOVERNANCE_MODELS) {
    if (!(RESPONSIBLE_PARTY_KINDS as readonly string[]).includes(input.responsible?.[model]))
      problems[`responsible.${model}`] = 'a responsible party is needed for every governance model';
  }
  fail('item', problems);
  return { ...input, name: input.name.trim(), source: input.source.trim(), validTo: input.validTo ?? null };
}

/**
 * The version of a code in force on `day` (YYYY-MM-DD), if any: of its versions begun by then, the latest (a later
 * version replaces the one before from its own first day, whatever that one's validTo), unless it had ended by then.
 * The rule the hotline's orders, the taxonomy's listing and dispatch read (persistence/taxonomy.repository.ts
 * itemsInForce, in SQL), and the backfill's check of each line (before, any version whose period held the day admitted
 * a line the hotline would refuse, and its order could then not be dispatched).
 */
export function versionInForce<T extends { validFrom: string; validTo: string | null }>(
  versions: readonly T[],
  day: string,
): T | undefined {
  let latest: T | undefined;
  for (const v of versions)
    if (compareDates(v.validFrom, day) <= 0 && (!latest || compareDates(latest.validFrom, v.validFrom) < 0)) latest = v;
  return latest && (latest.validTo === null || compareDates(day, latest.validTo) <= 0) ? latest : undefined;
}
