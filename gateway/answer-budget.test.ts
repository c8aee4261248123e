import { AnswerBudget, SMALL_ANSWER_BYTES } from './answer-budget';

const MB = 1024 * 1024;

describe('AnswerBudget', () => {
  it("takes a caller's first answer whatever its size, then refuses one past the caller's or the gateway's bound", () => {
    const budget = new AnswerBudget(100 * MB);
    expect(budget.take('org:a', 80 * MB, 64 * MB)).toBeUndefined();
    expect(budget.take('org:a', 1 * MB, 64 * MB)).toBe('CALLER');
    expect(budget.take('org:a', SMALL_ANSWER_BYTES, 64 * MB)).toBeUndefined();
    expect(budget.take('org:b', 30 * MB, 64 * MB)).toBe('GATEWAY');
    expect(budget.take('org:b', 10 * MB, 64 * MB)).toBeUndefined();
    expect(budget.heldBy('org:a')).toBe(80 * MB + SMALL_ANSWER_BYTES);

    budget.give('org:a', 80 * MB);
    budget.give('org:a', SMALL_ANSWER_BYTES);
    expect(budget.heldBy('org:a')).toBe(0);
    expect(budget.take('org:b', 30 * MB, 64 * MB)).toBeUndefined();
    expect(budget.take('org:a', 61 * MB, 64 * MB)).toBe('GATEWAY');
    expect(budget.take('org:a', 60 * MB, 64 * MB)).toBeUndefined();
  });
});
