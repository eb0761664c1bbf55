/** The one place that converts core offsets (UTF-16) to LSP positions and ranges, and back. */
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../core/model';
import { offsetAt, positionAt } from '../core/text/chars';

export function toRange(lineStarts: readonly number[], span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}

export function toPosition(lineStarts: readonly number[], offset: number): Position {
  return positionAt(lineStarts, offset);
}

export function toOffset(lineStarts: readonly number[], textLength: number, pos: Position): number {
  return offsetAt(lineStarts, textLength, pos);
}
