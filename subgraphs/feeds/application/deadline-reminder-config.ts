/**
 * `HUB_DEADLINE_REMINDER_INTERVAL_MS`: how often an instance looks for reminders due today (China time); one hour
 * by default, `0` turns the periodic run off (tests run it with `sendDeadlineReminders(asOf)` instead).
 */
export function deadlineReminderIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.HUB_DEADLINE_REMINDER_INTERVAL_MS;
  if (text === undefined || text === '') return 3_600_000;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error('HUB_DEADLINE_REMINDER_INTERVAL_MS must be 0 or more ms');
  return n;
}
