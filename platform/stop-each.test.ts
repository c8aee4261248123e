import { stopEach } from './stop-each';

describe('stopping the parts of a process', () => {
  it('stops every part in turn even when one before it fails, and returns the failures', async () => {
    const stopped: string[] = [];
    const part = (name: string, fails = false) => ({
      name,
      stop: async () => {
        stopped.push(name);
        if (fails) throw new Error(`${name} refused`);
      },
    });
    const failures = await stopEach([part('server'), part('consumers', true), part('relay'), part('orm')]);
    expect(stopped).toEqual(['server', 'consumers', 'relay', 'orm']);
    expect(failures.map((f) => [f.name, (f.error as Error).message])).toEqual([['consumers', 'consumers refused']]);
  });
});
