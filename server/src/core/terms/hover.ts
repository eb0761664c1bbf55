/**
 * The hover's Markdown: the term and its preferred form, the team's definition first, then the corpus's
 * best one or two, quoted with a link to the source line; expansion or abbreviation; English equivalent;
 * variants; how often the corpus uses it. Nothing known → no hover (never an empty box).
 */
import type { IndexedDocument, SourceLocation } from '../model';
import type { TermsFile, TermEntry } from './termsFile';
import { positionAt } from '../text/chars';
import type { TermBase, TermInfo } from './termBase';

export interface HoverContext {
  base?: TermBase;
  terms: readonly TermsFile[];
  docs: readonly IndexedDocument[];
}

/** Terms files' entries by every form they list (term, variants, deprecated, the abbreviation in `english`). */
export function teamIndex(terms: readonly TermsFile[]): Map<string, { entry: TermEntry; file: TermsFile }> {
  const m = new Map<string, { entry: TermEntry; file: TermsFile }>();
  for (const file of terms) for (const entry of file.terms) {
    for (const form of [entry.term, ...entry.variants, ...entry.deprecated]) if (!m.has(form)) m.set(form, { entry, file });
    const abbr = entry.english && /\(([A-Z][A-Za-z0-9&]{1,11})\)/.exec(entry.english);
    if (abbr && !m.has(abbr[1])) m.set(abbr[1], { entry, file });
  }
  return m;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** "区域治理评论.txt:31, 《论区域组织…》" as a link that opens the source at that line. */
export function sourceLink(loc: SourceLocation, docs: readonly IndexedDocument[]): string {
  const doc = docs.find((d) => d.uri === loc.uri);
  if (!doc) return fileName(loc.uri);
  const line = positionAt(doc.lineStarts, loc.span.start).line + 1;
  const article = doc.structure.articles.find((a) => a.span.start <= loc.span.start && loc.span.start < a.span.end);
  return `[${fileName(loc.uri)}:${line}](${loc.uri}#L${line})${article ? ` 《${article.title}》` : ''}`;
}

const quote = (s: string) => s.split('\n').map((l) => `> ${l}`).join('\n');
const esc = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function termHoverMarkdown(term: string, ctx: HoverContext, team = teamIndex(ctx.terms)): string | undefined {
  const mine = team.get(term);
  const preferred = mine?.entry.term;
  const info: TermInfo | undefined = ctx.base?.terms.get(term) ?? (preferred ? ctx.base?.terms.get(preferred) : undefined);
  const parts: string[] = [];
  const heading = preferred && preferred !== term ? `**${esc(term)}** → **${esc(preferred)}**${mine!.entry.deprecated.includes(term) ? ' (deprecated form)' : ' (preferred form)'}` : `**${esc(term)}**`;
  parts.push(heading);
  let said = false;
  if (mine?.entry.definition) {
    parts.push(`${quote(esc(mine.entry.definition))}\n\n— team glossary (${fileName(mine.file.uri)}:${mine.entry.line + 1})`);
    said = true;
  }
  for (const d of (info?.definitions ?? []).slice(0, mine?.entry.definition ? 1 : 2)) {
    parts.push(`${quote(esc(d.text))}\n\n— ${sourceLink(d.source, ctx.docs)}`);
    said = true;
  }
  const line = (label: string, items: string[]) => { if (items.length) { parts.push(`${label}: ${items.join(' · ')}`); said = true; } };
  line('Stands for', (info?.expansions ?? []).slice(0, 3).map((e) => `${esc(e.text)} (${sourceLink(e.source, ctx.docs)})`));
  line('Abbreviation', (info?.abbreviations ?? []).slice(0, 3).map((e) => `${esc(e.text)} (${sourceLink(e.source, ctx.docs)})`));
  const english = [...(mine?.entry.english ? [esc(mine.entry.english)] : []), ...(info?.english ?? []).slice(0, 3).map((e) => `${esc(e.text)} (${sourceLink(e.source, ctx.docs)})`)];
  line('English', english);
  line('Chinese', (info?.chinese ?? []).slice(0, 3).map((e) => `${esc(e.text)} (${sourceLink(e.source, ctx.docs)})`));
  if (mine) line('Variants', [...mine.entry.variants.map(esc), ...mine.entry.deprecated.map((d) => `~~${esc(d)}~~`)]);
  if (mine?.entry.note) line('Note', [esc(mine.entry.note)]);
  if (info?.keywordOf.length) line('Keyword of', info.keywordOf.slice(0, 4).map((k) => `《${esc(k.title)}》`));
  if (!said && !info?.frequency) return undefined;
  if (info?.frequency) parts.push(`*The corpus uses it ${info.frequency} time${info.frequency === 1 ? '' : 's'}.*`);
  else if (!said) return undefined;
  return parts.join('\n\n');
}

/** A footnote marker's note, from the draft itself. */
export function noteHoverMarkdown(label: string, noteText: string): string {
  return `**Note ${esc(label)}**\n\n${quote(esc(noteText))}`;
}
