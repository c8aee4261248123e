import { DomainError } from '../../../kernel/errors';
import { checkMaterials, checklistProblems, materialsFor, missingMaterials } from './materials';
import { BEIJING_MATERIALS, LINJIANG_SETTINGS, defineCitySettings } from './statutes';

const linjiang = LINJIANG_SETTINGS.materials;
const preliminaryByAgreement = { kind: 'PRELIMINARY', selectionMethod: 'AGREEMENT' } as const;
const types = (items: { documentType: string }[]) => items.map((m) => m.documentType);

describe('materials checklist', () => {
  it('applies the items of the contract kind and, where it matters, the selection method', () => {
    expect(types(materialsFor(linjiang, preliminaryByAgreement))).toEqual(['CONTRACT_TEXT', 'SELECTION_APPROVAL']);
    expect(types(materialsFor(linjiang, { kind: 'PRELIMINARY', selectionMethod: 'TENDER' }))).toEqual([
      'CONTRACT_TEXT',
      'TENDER_RESULT',
    ]);
    expect(types(materialsFor(linjiang, { kind: 'REGULAR', selectionMethod: 'TENDER' }))).toEqual([
      'CONTRACT_TEXT',
      'JOINT_DECISION',
    ]);
  });

  it('names each required item missing, and only required ones', () => {
    expect(types(missingMaterials(linjiang, preliminaryByAgreement, [{ type: 'CONTRACT_TEXT' }]))).toEqual([
      'SELECTION_APPROVAL',
    ]);
    expect(
      missingMaterials(linjiang, { kind: 'REGULAR', selectionMethod: 'TENDER' }, [{ type: 'CONTRACT_TEXT' }]),
    ).toEqual([]);
    expect(missingMaterials(BEIJING_MATERIALS, { kind: 'REGULAR', selectionMethod: 'TENDER' }, [])).toHaveLength(1);
    try {
      checkMaterials(linjiang, preliminaryByAgreement, [{ type: 'OTHER' }]);
      throw new Error('not refused');
    } catch (e) {
      const error = e as DomainError;
      expect(error.code).toBe('BAD_USER_INPUT');
      const details = error.details as { fields: { documents: string }; missing: { documentType: string }[] };
      expect(details.fields.documents).toContain('SELECTION_APPROVAL');
      expect(details.missing.map((m) => m.documentType)).toEqual(['CONTRACT_TEXT', 'SELECTION_APPROVAL']);
    }
  });

  it('needs the contract text in a city whose settings have no checklist', () => {
    expect(types(missingMaterials(undefined, preliminaryByAgreement, []))).toEqual(['CONTRACT_TEXT']);
    expect(missingMaterials(undefined, preliminaryByAgreement, [{ type: 'CONTRACT_TEXT' }])).toEqual([]);
  });

  it('refuses a checklist with unknown types, kinds or methods, and keeps a sound one in the settings', () => {
    const bad = [
      { ...BEIJING_MATERIALS[0], documentType: 'VIDEO', contractKinds: ['LEASE'], selectionMethods: [], source: '' },
    ] as never;
    expect(Object.keys(checklistProblems(bad)).sort()).toEqual([
      'materials[0].contractKinds',
      'materials[0].documentType',
      'materials[0].selectionMethods',
      'materials[0].source',
    ]);
    // A kind or method named twice is refused too: the list is kept with the settings and their history.
    const repeated = [
      { ...BEIJING_MATERIALS[0], contractKinds: ['REGULAR', 'REGULAR'], selectionMethods: ['TENDER', 'TENDER'] },
    ] as never;
    expect(checklistProblems(repeated)).toEqual({
      'materials[0].contractKinds': 'one or more of PRELIMINARY, REGULAR, each once',
      'materials[0].selectionMethods': expect.stringMatching(/^null, or one or more of .*TENDER.*, each once$/),
    });
    expect(defineCitySettings(LINJIANG_SETTINGS).materials).toHaveLength(4);
    expect(() => defineCitySettings({ ...LINJIANG_SETTINGS, materials: bad })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
