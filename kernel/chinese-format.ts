import { InvalidInputError } from './errors';
import { Fen, formatYuan } from './money';

/**
 * Figures as Chinese legal papers write them: amounts in yuan with two decimals and thousands separators
 * (1,409.50元), the same amount in capital numerals (大写, 壹仟肆佰零玖元伍角整) and dates as 2026年12月1日.
 *
 * The capital-numeral rules are those of the People's Bank of China 《支付结算办法》 (银发〔1997〕393号) annex
 * 《正确填写票据和结算凭证的基本规定》: the digits 零壹贰叁肆伍陆柒捌玖 and the units 拾佰仟万亿元角分; 整 (or 正)
 * after 元 or 角 when there is no 分, none after 分; one 零 for a run of zeros in the middle of the figure (1,409.50 →
 * 壹仟肆佰零玖元伍角, 6,007.14 → 陆仟零柒元壹角肆分); 零 between 元 and 分 when 角 is 0 (325.04 → 叁佰贰拾伍元零肆分),
 * none when the whole yuan end in zeros and 角 is not 0 (100.10 → 壹佰元壹角整; the rules allow either). An amount
 * under one yuan starts at its 角 or 分 (0.50 → 伍角整). A leading 拾 keeps its 壹 (壹拾万元整), as banks write it.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/** A 4-digit group (0–9999) in capitals, with 零 for inner zeros and none at the end: 409 → 肆佰零玖, 1000 → 壹仟. */
function groupInWords(group: number): string {
  let text = '';
  let zeroPending = false;
  for (let position = 3; position >= 0; position -= 1) {
    const digit = Math.floor(group / 10 ** position) % 10;
    if (digit === 0) {
      if (text !== '') zeroPending = true;
      continue;
    }
    if (zeroPending) text += '零';
    zeroPending = false;
    text += DIGITS[digit] + SMALL_UNITS[position];
  }
  return text;
}

/** Whole yuan in capitals (without 元): 100000 → 壹拾万, 10005 → 壹万零伍, 0 → ''. */
function yuanPartInWords(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let text = '';
  let zeroPending = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const group = groups[i];
    if (group === 0) {
      if (text !== '') zeroPending = true;
      continue;
    }
    // A gap before this group: a zero group, or fewer than four digits after a higher group (1,0005 → 壹万零伍).
    if (text !== '' && (zeroPending || group < 1000)) text += '零';
    zeroPending = false;
    text += groupInWords(group) + GROUP_UNITS[i];
  }
  return text;
}

/** Whole fen in capital numerals: 140950 → 壹仟肆佰零玖元伍角整; 0 → 零元整. */
export function yuanInWords(fen: Fen): string {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new InvalidInputError('An amount must be whole fen, 0 or more', { value: fen });
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let text = yuan > 0 ? `${yuanPartInWords(yuan)}元` : '';
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0) text += '零';
  if (cents > 0) text += `${DIGITS[cents]}分`;
  else text += '整';
  return text;
}

/** 140950 → "1,409.50": yuan with two decimals and thousands separators. */
export function yuanFigures(fen: Fen): string {
  return formatYuan(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "2026-12-01" → "2026年12月1日". */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new InvalidInputError('A date must be YYYY-MM-DD', { value: isoDate });
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** "2026-03" → "2026年3月". */
export function chineseMonth(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) throw new InvalidInputError('A month must be YYYY-MM', { value: yearMonth });
  return `${match[1]}年${Number(match[2])}月`;
}
