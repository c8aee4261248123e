/** The items of a comma-separated setting (`a, b,c`), trimmed, empty ones left out; none when it is not set. */
export const commaList = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
