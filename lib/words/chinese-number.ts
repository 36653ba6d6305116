const DIGITS: Readonly<Record<string, number>> = Object.freeze({
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
});
const UNITS: Readonly<Record<string, number>> = Object.freeze({ 十: 10, 百: 100, 千: 1000 });

/** Characters that may spell a number: ASCII digits or the Chinese numerals this parser reads. */
export const NUMBER_CHARS = "0-9零〇一二两三四五六七八九十百千";

/**
 * Reads a whole number written in ASCII digits (`12`) or Chinese numerals (`七`, `十五`,
 * `两`, `一百零五`); returns null for anything else. Up to 9999.
 */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else {
      total += (digit || 1) * UNITS[ch]; // "十五": a unit without a digit means one of it
      digit = 0;
    }
  }
  return total + digit;
}
