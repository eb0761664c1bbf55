/** "Add Term to Glossary": the terms-file entry for a term, prefilled with what the corpus knows. */
import type { TermBase } from './termBase';

const yamlString = (s: string) => JSON.stringify(s);

/** A YAML list item for the `terms:` list, in the contract's format. */
export function glossaryEntry(term: string, base: TermBase | undefined): string {
  const info = base?.terms.get(term);
  const lines = [`  - term: ${yamlString(term)}`, '    variants: []'];
  const def = info?.definitions[0]?.text;
  if (def) lines.push(`    definition: ${yamlString(def)}`);
  const en = info?.english[0]?.text ?? info?.expansions.find((e) => /^[A-Za-z]/.test(e.text))?.text;
  const abbr = info?.abbreviations[0]?.text;
  if (en || abbr) lines.push(`    english: ${yamlString([en, abbr ? `(${abbr})` : ''].filter(Boolean).join(' '))}`);
  const zh = info?.expansions.find((e) => !/^[A-Za-z]/.test(e.text))?.text;
  if (zh) lines.push(`    note: ${yamlString(`abbreviation of ${zh}`)}`);
  return lines.join('\n') + '\n';
}

/** The whole new text of a terms file with the entry added under `terms:` (or a new `terms:` list). */
export function addGlossaryEntry(existing: string, entry: string): string {
  if (!existing.trim()) return `terms:\n${entry}`;
  const m = /^terms:[ \t]*(?:\[\s*\])?[ \t]*$/m.exec(existing);
  if (!m) return `${existing}${existing.endsWith('\n') ? '' : '\n'}terms:\n${entry}`;
  if (/\[\s*\]/.test(m[0])) return existing.slice(0, m.index) + `terms:\n${entry.trimEnd()}` + existing.slice(m.index + m[0].length);
  // After the last item of the terms list: the first line after `terms:` that starts in column 0.
  const after = m.index + m[0].length;
  const rest = existing.slice(after);
  const end = /\n(?=[^\s#-])/.exec(rest);
  const at = end ? after + end.index + 1 : existing.length;
  const head = existing.slice(0, at);
  return `${head}${head.endsWith('\n') ? '' : '\n'}${entry}${existing.slice(at)}`;
}
