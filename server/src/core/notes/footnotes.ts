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

/**
 * Inserting a citation: a marker at `offset` and its definition in the note block, every numeric note
 * renumbered in order of first use — as edits on the original text (one undo step), touching only markers,
 * labels and the new definition. With `reuse`, an existing note with the same text is cited again instead.
 */
export function insertNoteEdits(text: string, format: NoteFormat, offset: number, noteText: string): { edits: Edit[]; label: string } {
  const layout = noteLayout(text, format);
  const numeric = (l: string) => /^\d+$/.test(l);
  // A second citation of the same source reuses its note.
  const same = layout.notes.find((n) => numeric(n.label) && n.text.trim() === noteText.trim());
  const order: string[] = [];
  let before = 0;
  for (const m of layout.markers) {
    if (!numeric(m.label) || order.includes(m.label)) continue;
    order.push(m.label);
    if (m.span.end <= offset) before = order.length;
  }
  const marker = (l: string) => (format === 'markdown' ? `[^${l}]` : `^[${l}]`);
  const edits: Edit[] = [];
  const relabel = new Map<string, string>();
  let newLabel: string;
  if (same && order.includes(same.label)) {
    const pos = order.indexOf(same.label);
    if (pos < before) {
      // Already cited before this point: the same number again, nothing else moves.
      newLabel = String(pos + 1);
      order.forEach((l, i) => relabel.set(l, String(i + 1)));
    } else {
      // Cited only later: it moves up to here; those between shift down by one.
      const rest = order.filter((l) => l !== same.label);
      rest.forEach((l, i) => relabel.set(l, String(i < before ? i + 1 : i + 2)));
      relabel.set(same.label, String(before + 1));
      newLabel = String(before + 1);
    }
  } else {
    order.forEach((l, i) => relabel.set(l, String(i < before ? i + 1 : i + 2)));
    newLabel = String(before + 1);
  }
  edits.push({ span: { start: offset, end: offset }, newText: marker(newLabel) });
  for (const m of layout.markers) {
    const to = relabel.get(m.label);
    if (to !== undefined && to !== m.label) edits.push({ span: labelSpan(text, m.span, m.label), newText: to });
  }
  const defs = layout.notes.filter((d) => numeric(d.label));
  for (const d of defs) {
    const to = relabel.get(d.label);
    if (to !== undefined && to !== d.label) edits.push({ span: labelSpan(text, d.span, d.label), newText: to });
  }
  if (!(same && order.includes(same.label))) {
    const line = format === 'markdown' ? `[^${newLabel}]: ${noteText}` : `[${newLabel}] ${noteText}`;
    // After the definition that will carry the number before it, or before the first one, or at the end.
    const prev = defs.filter((d) => Number(relabel.get(d.label) ?? d.label) < Number(newLabel)).sort((a, b) => b.span.end - a.span.end)[0];
    const next = defs.filter((d) => Number(relabel.get(d.label) ?? d.label) > Number(newLabel)).sort((a, b) => a.span.start - b.span.start)[0];
    if (prev) edits.push({ span: { start: prev.span.end, end: prev.span.end }, newText: `\n${line}` });
    else if (next) {
      const lineStart = text.lastIndexOf('\n', next.span.start - 1) + 1;
      edits.push({ span: { start: lineStart, end: lineStart }, newText: `${line}\n` });
    } else {
      const tail = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : text.length ? '\n\n' : '';
      edits.push({ span: { start: text.length, end: text.length }, newText: `${tail}${line}\n` });
    }
  }
  return { edits: edits.sort((a, b) => a.span.start - b.span.start || (a.span.end - a.span.start) - (b.span.end - b.span.start)), label: newLabel };
}
