import { MAX_OPERATION_LABELS_PER_CALLER, operationLabel } from './metrics';

describe('operation name labels', () => {
  it("labels well-formed names, and folds malformed ones, those past a caller's first 25 and past the first 500 distinct names", () => {
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('x'.repeat(65))).toBe('invalid');
    expect(operationLabel('drop table; --')).toBe('invalid');
    expect(operationLabel('SubmitFiling', 'org:company-a')).toBe('SubmitFiling');
    // One caller adds at most MAX_OPERATION_LABELS_PER_CALLER names: its flood leaves the others' names labelled.
    for (let i = 0; i < 600; i++) operationLabel(`Flood${i}`, 'org:flooder');
    expect(operationLabel(`Flood${MAX_OPERATION_LABELS_PER_CALLER - 1}`, 'org:flooder')).toBe(
      `Flood${MAX_OPERATION_LABELS_PER_CALLER - 1}`,
    );
    expect(operationLabel(`Flood${MAX_OPERATION_LABELS_PER_CALLER}`, 'org:flooder')).toBe('other');
    expect(operationLabel('ConsoleItems', 'org:bureau')).toBe('ConsoleItems');
    expect(operationLabel('ConsoleItems', 'org:flooder')).toBe('ConsoleItems'); // labelled already, for everyone
    expect(operationLabel('SubmitFiling')).toBe('SubmitFiling');
    // Past the first 500 distinct names overall, whoever adds them.
    for (let caller = 0; caller < 40; caller++)
      for (let i = 0; i < MAX_OPERATION_LABELS_PER_CALLER; i++) operationLabel(`Name${caller}x${i}`, `org:${caller}`);
    expect(operationLabel('LateComer', 'org:late')).toBe('other');
  });
});
