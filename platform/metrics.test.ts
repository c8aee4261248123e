import { operationLabel } from './metrics';

describe('operation name labels', () => {
  it('labels well-formed names, and folds malformed ones and those past the first 500 distinct names', () => {
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('x'.repeat(65))).toBe('invalid');
    expect(operationLabel('drop table; --')).toBe('invalid');
    expect(operationLabel('SubmitFiling')).toBe('SubmitFiling');
    for (let i = 0; i < 600; i++) operationLabel(`Flood${i}`);
    expect(operationLabel('Flood599')).toBe('other');
    expect(operationLabel('SubmitFiling')).toBe('SubmitFiling');
  });
});
