import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for every query the console sends, from the checked-in supergraph (`npm run console:codegen`). */
const config: CodegenConfig = {
  schema: 'schemas/supergraph.graphql',
  documents: ['console/src/**/*.tsx', 'console/src/**/*.ts', '!console/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'console/src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          Fen: 'number',
          LocalDate: 'string',
          Key: 'string',
          Name: 'string',
          Note: 'string',
          Url: 'string',
          DateTimeISO: 'string',
        },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
