import { InvalidInputError } from './errors';

/**
 * numerator/denominator as a percentage with `decimals` decimals, rounded half up in integers (no float ever sees
 * the ratio): 5770/7784 at 2 decimals is "74.13", 954/1080 at 1 decimal is "88.3". Used wherever the hub shows a
 * statutory or reported ratio: joint-decision participation, collection rates.
 */
export function percentHalfUp(numerator: number, denominator: number, decimals: number): string {
  if (
    !Number.isSafeInteger(numerator) ||
    numerator < 0 ||
    !Number.isSafeInteger(denominator) ||
    denominator <= 0 ||
    !Number.isInteger(decimals) ||
    decimals < 0 ||
    decimals > 6
  ) {
    throw new InvalidInputError('A percentage needs a whole numerator, 0 or more, and a positive whole denominator');
  }
  const scale = 10n ** BigInt(decimals);
  // floor(100·scale·n/d + 1/2) = floor((200·scale·n + d) / 2d)
  const units = (200n * scale * BigInt(numerator) + BigInt(denominator)) / (2n * BigInt(denominator));
  if (decimals === 0) return String(units);
  return `${units / scale}.${(units % scale).toString().padStart(decimals, '0')}`;
}
