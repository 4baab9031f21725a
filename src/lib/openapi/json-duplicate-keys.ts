/**
 * Whether a JSON text (already accepted by JSON.parse) repeats a key within one object.
 * JSON.parse keeps the last value silently; the YAML parser the loader falls back to reports
 * the place, so a spec with a repeated key is refused as it always was.
 */
export function hasDuplicateJsonKey(text: string): boolean {
  // One frame per open object (its keys so far) or array (null).
  const frames: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      const end = endOfString(text, index);
      if (expectKey) {
        const raw = text.slice(index + 1, end);
        // Escapes spell the same key in more than one way: compare what they mean.
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const keys = frames[frames.length - 1];
        if (keys?.has(key)) return true;
        keys?.add(key);
        expectKey = false;
      }
      index = end;
    } else if (char === '{') {
      frames.push(new Set());
      expectKey = true;
    } else if (char === '[') {
      frames.push(null);
    } else if (char === '}' || char === ']') {
      frames.pop();
    } else if (char === ',') {
      expectKey = frames[frames.length - 1] instanceof Set;
    }
  }
  return false;
}

/** The index of the quote that closes the string opened at `start`, skipping escaped quotes. */
function endOfString(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end === -1 ? text.length : end;
}

/** Whether the character at `index` follows an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (text[index - 1 - backslashes] === '\\') backslashes += 1;
  return backslashes % 2 === 1;
}
