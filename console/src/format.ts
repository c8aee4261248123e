import { chineseDate, chineseMonth, yuanFigures } from '../../kernel/chinese-format';
import { todayInChina } from '../../kernel/clock';

/** Dates as 2026年12月1日 and money in yuan (1,409.50元): the hub's one way of writing them (kernel/chinese-format.ts). */
export const dateZh = (iso: string | null | undefined): string => (iso ? chineseDate(iso.slice(0, 10)) : '—');
/** An instant (DateTimeISO) as its day in China: 2026-12-01T23:30:00Z is 2026年12月2日 (its first ten characters said the 1st). */
export const instantDateZh = (iso: string | null | undefined): string =>
  iso ? chineseDate(todayInChina(new Date(iso))) : '—';
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `${yuanFigures(fen)}元`;
/** 2026年9月 for a YYYY-MM month; any other key (a grouping's ALL) as it is. */
export const monthZh = (key: string): string => (/^\d{4}-\d{2}$/.test(key) ? chineseMonth(key) : key);
