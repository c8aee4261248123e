import { intervalMsFromEnv } from '../../../platform/subgraph/periodic';

/**
 * `HUB_DEADLINE_REMINDER_INTERVAL_MS`: how often an instance looks for reminders due today (China time); one hour
 * by default, `0` turns the periodic run off (tests run it with `sendDeadlineReminders(asOf)` instead).
 */
export const deadlineReminderIntervalMs = (env: NodeJS.ProcessEnv = process.env): number =>
  intervalMsFromEnv(env, 'HUB_DEADLINE_REMINDER_INTERVAL_MS', 3_600_000);

/** Whether the admin may run the reminders for a day ahead (domain/deadlines.ts assertReminderRunDay): under tests only. */
export const remindersAheadAllowed = (env: NodeJS.ProcessEnv = process.env): boolean => env.NODE_ENV === 'test';
