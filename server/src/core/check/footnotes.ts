/** footnote-missing, footnote-unused, footnote-order: markers and definitions that do not match, or are out of order. */
import { Code, finding, Finding } from './findings';
import { noteLayout, renumberEdits, NoteFormat } from '../notes/footnotes';

/**
 * A journal issue numbers each article's notes from 1 again: a second marker 1 opens a new
 * section, and markers are matched with the definitions of their own section.
 */
function sections(layout: ReturnType<typeof noteLayout>): { markers: typeof layout.markers; notes: typeof layout.notes }[] {
  const starts: number[] = [0];
  let seenOne = false;
  for (const m of layout.markers) {
    if (m.label !== '1') continue;
    // A second "1" means the numbering started again.
    if (seenOne) starts.push(m.span.start);
    seenOne = true;
  }
  return starts.map((s, i) => {
    const e = i + 1 < starts.length ? starts[i + 1] : Infinity;
    return {
      markers: layout.markers.filter((m) => m.span.start >= s && m.span.start < e),
      notes: layout.notes.filter((n) => n.span.start >= s && n.span.start < e),
    };
  });
}

export function checkFootnotes(text: string, format: NoteFormat): Finding[] {
  const out: Finding[] = [];
  const all = sections(noteLayout(text, format));
  for (const layout of all) out.push(...checkSection(text, format, layout, all.length === 1));
  return out;
}

function checkSection(text: string, format: NoteFormat, layout: ReturnType<typeof noteLayout>, single: boolean): Finding[] {
  const out: Finding[] = [];
  const defined = new Set(layout.notes.map((n) => n.label));
  const used = new Set(layout.markers.map((m) => m.label));
  for (const m of layout.markers) {
    if (!defined.has(m.label)) out.push(finding(Code.FootnoteMissing, m.span, `footnote ${m.label} has no definition`));
  }
  const seenDef = new Set<string>();
  for (const n of layout.notes) {
    const head = { start: n.span.start, end: n.textStart > n.span.start ? n.textStart : n.span.end };
    while (head.end > head.start && /\s/.test(text[head.end - 1])) head.end--;
    if (!used.has(n.label)) out.push(finding(Code.FootnoteUnused, head, `footnote ${n.label} is defined but never cited`));
    else if (seenDef.has(n.label)) out.push(finding(Code.FootnoteUnused, head, `footnote ${n.label} is defined twice; this definition is never used`));
    seenDef.add(n.label);
  }
  // Order: numeric markers that have a definition should first appear as 1, 2, 3 …
  let expected = 1;
  const seen = new Set<string>();
  for (const m of layout.markers) {
    if (!/^\d+$/.test(m.label) || seen.has(m.label) || !defined.has(m.label)) continue;
    seen.add(m.label);
    if (Number(m.label) !== expected) {
      // Renumbering is offered where the document has one numbering only.
      const edits = single ? renumberEdits(text, format) : [];
      out.push(finding(Code.FootnoteOrder, m.span, `footnote ${m.label} is the ${ordinal(expected)} cited: notes are numbered in order of first use`,
        edits.length ? [{ title: 'Renumber footnotes in order of first use', edits, safe: true }] : []));
      break;
    }
    expected++;
  }
  return out;
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}
