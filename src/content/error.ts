/**
 * A problem in the user's content, located so an editor can jump to it.
 * Errors are values: the build collects all of them, then prints them the same way.
 */
export interface ContentError {
  /** Path relative to the content folder's parent, as the user typed it (e.g. `content/posts/x.md`). */
  file: string;
  /** 1-based line, 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column, 0 when unknown. */
  col: number;
  message: string;
  /** What the author should do about it. */
  hint?: string;
  severity: "error" | "warning";
}

/** `file:line:col: error: message` then the hint indented, as compilers print it. */
export function formatContentError(e: ContentError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}:${Math.max(e.col, 1)}` : e.file;
  const head = `${where}: ${e.severity}: ${e.message}`;
  return e.hint ? `${head}\n  hint: ${e.hint}` : head;
}

/** Line and column (1-based) of a character offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** Errors in reading order: by file, then line, then column. */
export function sortProblems(problems: readonly ContentError[]): ContentError[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
