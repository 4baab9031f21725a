/** Status codes as OpenAPI documents them: an exact code wins over a range (`2XX`), which wins over `default`. */

/** The documented response that covers a status, or undefined when the operation documents none for it. */
export function matchStatus<T extends { statusKey: string }>(documented: readonly T[], status: number): T | undefined {
  const code = String(status);
  return (
    documented.find((response) => response.statusKey === code) ??
    documented.find((response) => response.statusKey.toUpperCase() === `${code[0] ?? ''}XX`) ??
    documented.find((response) => response.statusKey === 'default')
  );
}

/** Whether a status is a redirect, whose body clients do not read (Go's http.Redirect writes a one-line HTML link). */
export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** The documented status keys in a short readable list: "200, 302, 500". */
export function listStatusKeys(documented: readonly { statusKey: string }[]): string {
  return documented.map((response) => response.statusKey).join(', ');
}
