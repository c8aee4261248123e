import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { shownErrors } from './api-errors';

const refusal = (details: unknown, code: unknown = 'BAD_USER_INPUT') =>
  new CombinedError({
    graphQLErrors: [new GraphQLError('The import is refused', { extensions: { code, details } })],
  });

describe('the errors the console shows', () => {
  it("shows the hub's fields, rule problems and bad lines", () => {
    expect(
      shownErrors(
        refusal({
          fields: { amountFen: 'whole fen' },
          problems: [{ code: 'NO_LATE_FEE', field: 'chargeId', message: 'no late fee' }, 'PLAIN'],
          lines: [{ line: 3, field: 'method', problem: 'unknown' }],
        }),
      ),
    ).toEqual([
      {
        message: 'The import is refused',
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'amountFen', message: 'whole fen' },
          { field: 'chargeId', message: 'no late fee（NO_LATE_FEE）' },
          { field: '', message: 'PLAIN' },
        ],
        lines: [{ line: 3, field: 'method', problem: 'unknown' }],
      },
    ]);
  });

  it('shows the message of a refusal whose details are not what they should be, instead of throwing', () => {
    // Before, `lines: [null]` or `fields: [null]` threw while the error was rendered: a blank screen.
    for (const details of [
      { lines: [null, 7, 'x'], fields: [null, 3], problems: 'oops' },
      { lines: 'x', fields: 'y' },
      null,
      'details',
      [null],
    ])
      expect(shownErrors(refusal(details, 42))).toEqual([
        { message: 'The import is refused', code: undefined, fields: [], lines: [] },
      ]);
  });
});
