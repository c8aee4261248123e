import { chineseDate, yuanFigures } from '../../kernel/chinese-format';

/** Dates as 2026年12月1日 and money in yuan (1,409.50元): the hub's one way of writing them (kernel/chinese-format.ts). */
export const dateZh = (iso: string | null | undefined): string => (iso ? chineseDate(iso.slice(0, 10)) : '—');
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `${yuanFigures(fen)}元`;
export const monthZh = (yearMonth: string): string => {
  const [y, m] = yearMonth.split('-');
  return m ? `${y}年${Number(m)}月` : yearMonth;
};
