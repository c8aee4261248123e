/**
 * Stops each step in the order given, every one even when one before it failed, and returns the failures: a relay or
 * consumer left running after an earlier step threw held the process, and a consumer that never left its group kept
 * its peers waiting for its session to expire (an operations audit of 2026-12-07).
 */
export async function stopEach(
  steps: readonly { name: string; stop: () => Promise<unknown> }[],
): Promise<{ name: string; error: unknown }[]> {
  const failures: { name: string; error: unknown }[] = [];
  for (const { name, stop } of steps) {
    try {
      await stop();
    } catch (error) {
      failures.push({ name, error });
    }
  }
  return failures;
}
