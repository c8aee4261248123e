import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'urql';
import { Answer, Call, answeringClient } from './test-client';
import { ConsoleProvider } from './theme';

/** Renders a component as the console does (theme and urql), its operations answered by `answer` and recorded. */
export function renderAnswering(node: ReactNode, answer: (call: Call) => Answer, calls: Call[] = []) {
  return render(
    <ConsoleProvider>
      <Provider value={answeringClient(answer, calls)}>{node}</Provider>
    </ConsoleProvider>,
  );
}
