import { isPublicOperation } from './public-operations';

describe('operations answered without a token', () => {
  it.each([
    [
      'the publicity query',
      '{ publicServiceStandards(compoundName: "红居") { compoundName fees { ownerRateYuan } } }',
      undefined,
      true,
    ],
    [
      'it with __typename',
      'query P { __typename publicServiceStandards(compoundName: "x") { compoundName } }',
      'P',
      true,
    ],
    [
      'the named public operation of a document with two',
      'query P { publicServiceStandards(compoundName: "x") { compoundName } } query Q { areas { id } }',
      'P',
      true,
    ],
    [
      'the private operation of the same document',
      'query P { publicServiceStandards(compoundName: "x") { compoundName } } query Q { areas { id } }',
      'Q',
      false,
    ],
    [
      'the verification of a filing certificate',
      '{ verifyFilingCertificate(recordNumber: "110102-2026-0001", digest: "ab") { result provider } }',
      undefined,
      true,
    ],
    [
      'verification next to a private field',
      '{ verifyFilingCertificate(recordNumber: "x", digest: "y") { result } filingCertificate(filingId: "f") { contentBase64 } }',
      undefined,
      false,
    ],
    ['two operations without a name to choose', 'query P { __typename } query Q { __typename }', undefined, false],
    [
      'a public field next to a private one',
      '{ publicServiceStandards(compoundName: "x") { compoundName } areas { id } }',
      undefined,
      false,
    ],
    ['a private field behind a root fragment', '{ ...F } fragment F on Query { areas { id } }', undefined, false],
    ['a private field behind an inline fragment', '{ ... on Query { areas { id } } }', undefined, false],
    ['a mutation', 'mutation { publicServiceStandards }', undefined, false],
    ['introspection', '{ __schema { types { name } } }', undefined, false],
    ['not GraphQL', '{ publicServiceStandards(', undefined, false],
    ['no query', undefined, undefined, false],
  ])('%s: %s', (_label, query, operationName, expected) => {
    expect(isPublicOperation(query, operationName)).toBe(expected);
  });
});
