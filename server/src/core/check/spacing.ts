/** cjk-latin-spacing (off by default): a document that puts a space between Chinese and Latin text in some places and not in others. */
import { Code, finding, Finding } from './findings';
import type { Span } from '../model';

const WITH = /(?<=[\u4e00-\u9fff]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[\u4e00-\u9fff])/g;
const WITHOUT = /(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])/g;

export function checkSpacing(masked: string): Finding[] {
  const spaced: Span[] = [], tight: Span[] = [];
  for (let m = (WITH.lastIndex = 0, WITH.exec(masked)); m; m = WITH.exec(masked)) spaced.push({ start: m.index, end: m.index + 1 });
  for (let m = (WITHOUT.lastIndex = 0, WITHOUT.exec(masked)); m; m = WITHOUT.exec(masked)) { tight.push({ start: m.index, end: m.index }); WITHOUT.lastIndex++; }
  if (!spaced.length || !tight.length) return [];
  if (spaced.length <= tight.length) {
    return spaced.map((s) => finding(Code.CjkLatinSpacing, s, 'a space between Chinese and Latin text, where this document mostly writes none', [{ title: 'Remove the space', edits: [{ span: s, newText: '' }], safe: true }]));
  }
  return tight.map((s) => finding(Code.CjkLatinSpacing, { start: s.start - 1, end: s.start + 1 }, 'no space between Chinese and Latin text, where this document mostly puts one', [{ title: 'Insert a space', edits: [{ span: s, newText: ' ' }], safe: true }]));
}
