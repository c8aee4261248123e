import { FORM_RENDERS, renderInTurn } from './render-limit';

describe('renderInTurn', () => {
  it('renders one form at a time, queues 32 more, and refuses the rest without rendering them', async () => {
    let running = 0;
    let most = 0;
    let rendered = 0;
    const render = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      rendered++;
      return 'pdf';
    };
    const asked = 1 + FORM_RENDERS.queued + 5;
    const outcomes = await Promise.all(
      Array.from({ length: asked }, () =>
        renderInTurn(render).catch((error: { code: string; details: unknown }) => error),
      ),
    );
    expect(most).toBe(1);
    expect(rendered).toBe(1 + FORM_RENDERS.queued);
    expect(outcomes.filter((o) => o === 'pdf')).toHaveLength(1 + FORM_RENDERS.queued);
    const refused = outcomes.filter((o) => o !== 'pdf');
    expect(refused).toHaveLength(5);
    expect(refused[0]).toMatchObject({
      code: 'DOWNLOADS_BUSY',
      details: { reason: 'RENDER_QUEUE_FULL', retryAfterSeconds: 10 },
    });
  });
});
