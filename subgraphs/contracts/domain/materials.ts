import { InvalidInputError } from '../../../kernel/errors';
import { CONTRACT_KINDS, type ContractKind, SELECTION_METHODS, type SelectionMethod } from '../../../catalog';
import { DOCUMENT_TYPES, type DocumentType } from './filing';

/**
 * The materials a filing must carry, per city and contract kind, kept with the city's settings (statutes.ts). An
 * item names the document type it is met by, the contract kinds (and, where it matters, the selection methods) it
 * applies to, and the source it rests on, or null where it is the operator's configured list and no article could
 * be confirmed. A submission missing a required item is refused with the items named.
 */
export interface MaterialItem {
  readonly documentType: DocumentType;
  /** What the item is, in the city's words (e.g. 物业服务合同文本). */
  readonly label: string;
  readonly contractKinds: readonly ContractKind[];
  /** Only contracts whose provider was chosen this way need it; null: whatever the selection. */
  readonly selectionMethods: readonly SelectionMethod[] | null;
  readonly required: boolean;
  /** The article or document the item rests on; null where it is the operator's configured list. */
  readonly source: string | null;
}

/** A filing files the contract itself: every filing in every city carries its text, whatever the city lists. */
export const CONTRACT_TEXT_ITEM: MaterialItem = Object.freeze({
  documentType: 'CONTRACT_TEXT',
  label: '物业服务合同文本 (the signed contract text)',
  contractKinds: CONTRACT_KINDS,
  selectionMethods: null,
  required: true,
  source: null,
});

export const MAX_MATERIAL_ITEMS = 30;

/** The city's items that apply to a contract of this kind and selection. */
export function materialsFor(
  checklist: readonly MaterialItem[] | undefined,
  contract: { kind: ContractKind; selectionMethod: SelectionMethod },
): MaterialItem[] {
  return (checklist ?? []).filter(
    (m) =>
      m.contractKinds.includes(contract.kind) &&
      (m.selectionMethods === null || m.selectionMethods.includes(contract.selectionMethod)),
  );
}

/** The required items none of the documents meets: the contract text always, then the city's items that apply. */
export function missingMaterials(
  checklist: readonly MaterialItem[] | undefined,
  contract: { kind: ContractKind; selectionMethod: SelectionMethod },
  documents: readonly { type: string }[],
): MaterialItem[] {
  const present = new Set(documents.map((d) => d.type));
  const items = materialsFor(checklist, contract).filter((m) => m.required);
  if (!items.some((m) => m.documentType === 'CONTRACT_TEXT')) items.unshift(CONTRACT_TEXT_ITEM);
  return items.filter((m) => !present.has(m.documentType));
}

/** BAD_USER_INPUT naming each missing item, as other filing problems are reported, by field. */
export function checkMaterials(
  checklist: readonly MaterialItem[] | undefined,
  contract: { kind: ContractKind; selectionMethod: SelectionMethod },
  documents: readonly { type: string }[],
): void {
  const missing = missingMaterials(checklist, contract, documents);
  if (missing.length === 0) return;
  throw new InvalidInputError('The filing lacks required materials', {
    fields: {
      documents: `attach ${missing.map((m) => `${m.label} (type ${m.documentType})`).join('; ')}`,
    },
    missing: missing.map((m) => ({ documentType: m.documentType, label: m.label, source: m.source })),
  });
}

const text = (v: unknown, max: number) => typeof v === 'string' && v.trim() !== '' && v.length <= max;

/**
 * One or more of `values`, each once: stored with the settings and in their audit trail for good, such a list held
 * as many repeats as the body carried (100,000 in 1 MiB).
 */
const someOf = (list: unknown, values: readonly string[]): boolean =>
  Array.isArray(list) &&
  list.length > 0 &&
  list.every((v) => values.includes(v as string)) &&
  new Set(list).size === list.length;

/** Checks a city's checklist (configuration, not code); the problems by field, empty when it is sound. */
export function checklistProblems(checklist: readonly MaterialItem[] | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (checklist === undefined) return fields;
  if (!Array.isArray(checklist) || checklist.length > MAX_MATERIAL_ITEMS) {
    fields.materials = `at most ${MAX_MATERIAL_ITEMS} items`;
    return fields;
  }
  checklist.forEach((m, i) => {
    if (!DOCUMENT_TYPES.includes(m.documentType)) fields[`materials[${i}].documentType`] = DOCUMENT_TYPES.join(', ');
    if (!text(m.label, 200)) fields[`materials[${i}].label`] = '1–200 characters';
    if (!someOf(m.contractKinds, CONTRACT_KINDS))
      fields[`materials[${i}].contractKinds`] = `one or more of ${CONTRACT_KINDS.join(', ')}, each once`;
    if (m.selectionMethods !== null && !someOf(m.selectionMethods, SELECTION_METHODS))
      fields[`materials[${i}].selectionMethods`] = `null, or one or more of ${SELECTION_METHODS.join(', ')}, each once`;
    if (typeof m.required !== 'boolean') fields[`materials[${i}].required`] = 'true or false';
    if (m.source !== null && !text(m.source, 500))
      fields[`materials[${i}].source`] = "the article it rests on, or null for the operator's configured list";
  });
  return fields;
}
