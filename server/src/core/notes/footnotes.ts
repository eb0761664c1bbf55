/**
 * Footnote numbering: markers (`[^n]` in Markdown, `^[n]` in plain text) and their definitions
 * (`[^n]: …` / `[n] …`) renumbered in order of first use, with the smallest set of edits.
 */
import type { Note, NoteMarker, Span } from '../model';
import { parseStructure } from '../corpus/structure';
import type { Edit } from '../check/findings';

export type NoteFormat = 'markdown' | 'text';

export interface NoteLayout { markers: NoteMarker[]; notes: Note[] }

export function noteLayout(text: string, format: NoteFormat): NoteLayout {
  const s = parseStructure(text, format);
  // In Markdown only Pandoc notes count; in plain text only the corpus's bracket form.
  const style = format === 'markdown' ? 'pandoc' : 'bracket';
  return { markers: s.markers.filter((m) => m.style === style), notes: s.notes.filter((n) => n.style === style) };
}

const isNumeric = (l: string) => /^\d+$/.test(l);

/** Old label → new label, numeric labels only, in order of first use. */
export function renumbering(layout: NoteLayout): Map<string, string> {
  const map = new Map<string, string>();
  let n = 0;
  for (const m of layout.markers) if (isNumeric(m.label) && !map.has(m.label)) map.set(m.label, String(++n));
  return map;
}

function labelSpan(text: string, span: Span, label: string): Span {
  // The label sits inside the brackets of the marker or definition: [^12] / ^[12] / [12]
  const i = text.indexOf(label, span.start);
  return { start: i, end: i + label.length };
}

/**
 * Edits that renumber every numeric note in order of first use and, when the definitions stand together
 * in one block, put them in that order. Empty when the numbering is already right.
 */
export function renumberEdits(text: string, format: NoteFormat): Edit[] {
  const layout = noteLayout(text, format);
  const map = renumbering(layout);
  const edits: Edit[] = [];
  for (const m of layout.markers) {
    const to = map.get(m.label);
    if (to !== undefined && to !== m.label) edits.push({ span: labelSpan(text, m.span, m.label), newText: to });
  }
  const defs = layout.notes.filter((d) => isNumeric(d.label));
  const relabel = (d: Note) => map.get(d.label) ?? d.label;
  // One block: only blank lines between consecutive definitions.
  const contiguous = defs.length > 1 && defs.every((d, i) => i === 0 || /^\s*$/.test(text.slice(defs[i - 1].span.end, d.span.start)));
  const order = [...defs].sort((a, b) => Number(relabel(a)) - Number(relabel(b)));
  if (contiguous && order.some((d, i) => d !== defs[i])) {
    // Rewrite the block's definitions in the new order; the blank lines between them stay as they were.
    defs.forEach((slot, i) => {
      const d = order[i];
      const lineText = text.slice(d.span.start, d.span.end);
      const newLine = lineText.replace(d.label, relabel(d));
      if (newLine !== text.slice(slot.span.start, slot.span.end)) edits.push({ span: slot.span, newText: newLine });
    });
  } else {
    for (const d of defs) {
      const to = relabel(d);
      if (to !== d.label) edits.push({ span: labelSpan(text, d.span, d.label), newText: to });
    }
  }
  return edits.sort((a, b) => a.span.start - b.span.start);
}
