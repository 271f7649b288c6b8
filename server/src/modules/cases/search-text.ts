/**
 * Folds Vietnamese text for search: Unicode decomposition strips the tone and vowel marks, and đ/Đ
 * (a separate letter, not a combining mark) becomes d — so "nguyen van" finds "Nguyễn Văn".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
