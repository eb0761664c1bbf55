/**
 * The fragmentizer: what the checks must not look at (code, URLs, link targets, HTML comments, front
 * matter) is blanked out with NUL characters of the same length, so offsets stay those of the original
 * text and no check takes the blanked stretch for Chinese, Latin or white space.
 */

export type Format = 'markdown' | 'text';

const URL = /\b(?:https?|ftp):\/\/[^\s<>"“”（）()【】《》，。]+|\bwww\.[^\s<>"“”（）()，。]+|<https?:\/\/[^>\s]+>/g;

function blank(chars: string[], start: number, end: number) {
  for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = '\0';
}

export function maskText(text: string, format: Format): string {
  const chars = text.split('');
  if (format === 'markdown') {
    // YAML front matter
    const fm = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/.exec(text);
    if (fm) blank(chars, 0, fm[0].length);
    // Fenced code blocks
    const fence = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[ \t]*$|(?![\s\S]))/gm;
    for (let m = fence.exec(text); m; m = fence.exec(text)) blank(chars, m.index, m.index + m[0].length);
    // Indented code blocks after a blank line are rare in prose drafts and would catch indented Chinese paragraphs: left alone.
    const inline = /(`+)[^`\n]+?\1/g;
    for (let m = inline.exec(text); m; m = inline.exec(text)) blank(chars, m.index, m.index + m[0].length);
    const comment = /<!--[\s\S]*?-->/g;
    for (let m = comment.exec(text); m; m = comment.exec(text)) blank(chars, m.index, m.index + m[0].length);
    // Link and image targets: [text](target "title") — the text stays, the target goes.
    const link = /\]\(([^)\s]+(?:\s+"[^"]*")?)\)/g;
    for (let m = link.exec(text); m; m = link.exec(text)) blank(chars, m.index + 1, m.index + m[0].length);
    const refDef = /^ {0,3}\[[^\]^]+\]:\s+\S+.*$/gm;
    for (let m = refDef.exec(text); m; m = refDef.exec(text)) blank(chars, m.index, m.index + m[0].length);
    const html = /<\/?[a-zA-Z][^>\n]*>/g;
    for (let m = html.exec(text); m; m = html.exec(text)) blank(chars, m.index, m.index + m[0].length);
  }
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1])) end--;
    blank(chars, m.index, end);
  }
  return chars.join('');
}

/** Paragraphs (runs of non-blank lines) as spans: quote and bracket balance is checked per paragraph. */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let start = -1, end = -1;
  for (let m = re.exec(text); m && m[0].length; m = re.exec(text)) {
    const line = m[0].replace(/\r?\n$/, '');
    if (line.trim()) { if (start < 0) start = m.index; end = m.index + line.length; }
    else if (start >= 0) { out.push({ start, end }); start = -1; }
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

/** Lines as spans (for plain text, where each line is a paragraph). */
export function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = 0;
  for (;;) {
    const e = text.indexOf('\n', s);
    const end = e < 0 ? text.length : e;
    out.push({ start: s, end: end > s && text[end - 1] === '\r' ? end - 1 : end });
    if (e < 0) return out;
    s = e + 1;
  }
}
