/** Parse JSON text, or return undefined when there is none or it is not JSON: for text that may legitimately be anything (a token's payload, an example, a response body). */
export function tryParseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
