/** quote-unbalanced / bracket-unbalanced: “ ” ‘ ’ 《 》 （ ） 〔 〕 【 】 left open or closed without opening, per paragraph. */
import { Code, finding, Finding } from './findings';
import type { Span } from '../model';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '〔': '〕', '【': '】' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
const QUOTES = new Set(['“', '”', '‘', '’']);

const isLatin = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);

export function checkBalance(masked: string, paras: readonly Span[]): Finding[] {
  const out: Finding[] = [];
  for (const p of paras) {
    const stack: { ch: string; at: number }[] = [];
    for (let i = p.start; i < p.end; i++) {
      const ch = masked[i];
      if (PAIRS[ch]) {
        stack.push({ ch, at: i });
      } else if (CLOSERS[ch]) {
        // ’ between letters is an apostrophe (China’s), not a closing quote.
        if (ch === '’' && isLatin(masked[i - 1]) && (isLatin(masked[i + 1]) || masked[i + 1] === ' ' || masked[i + 1] === undefined) && !stack.some((s) => s.ch === '‘')) continue;
        const opener = CLOSERS[ch];
        let k = stack.length - 1;
        while (k >= 0 && stack[k].ch !== opener) k--;
        if (k < 0) {
          out.push(report(ch, i, 'closed'));
          continue;
        }
        // Openers above the match were never closed.
        for (let j = stack.length - 1; j > k; j--) out.push(report(stack[j].ch, stack[j].at, 'open'));
        stack.length = k;
      }
    }
    for (const s of stack) out.push(report(s.ch, s.at, 'open'));
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function report(ch: string, at: number, how: 'open' | 'closed'): Finding {
  const code = QUOTES.has(ch) ? Code.QuoteUnbalanced : Code.BracketUnbalanced;
  const message = how === 'open'
    ? `"${ch}" is not closed in this paragraph (expected "${PAIRS[ch]}")`
    : `"${ch}" closes nothing in this paragraph (no "${CLOSERS[ch]}" before it)`;
  return finding(code, { start: at, end: at + 1 }, message);
}
