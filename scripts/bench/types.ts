/** Shapes shared by the benchmark sections and the report. */

/** One budget: what is allowed, what was measured, and whether it holds (null: not measured). */
export interface Budget {
  section: string;
  name: string;
  limit: string;
  actual: string;
  pass: boolean | null;
}

/** A table for the report: a title, column headers and rows of cells. */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  notes: string[];
}

/** What every section hands back: its data for the JSON, its tables and its budgets, or why it was skipped. */
export interface SectionResult<T> {
  name: string;
  skipped?: string;
  data?: T;
  tables: Table[];
  budgets: Budget[];
  seconds: number;
}

/** The page kinds measured in the browser sections, by URL path under the site's root. */
export const PAGE_KINDS = [
  { key: 'home', label: 'Home', path: '/' },
  { key: 'guide', label: 'Guide', path: '/extensibility/api/' },
  { key: 'reference', label: 'REST API reference', path: '/reference/rest-apis/' },
  { key: 'playground', label: 'Playground', path: '/reference/rest-apis/playground/' },
  { key: 'tag', label: 'Tag page', path: '/reference/rest-apis/system/' },
  { key: 'operation', label: 'Operation page', path: '/reference/rest-apis/system/get-server-version/' },
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];
export type PageKey = PageKind['key'];

/** Build a budget row. */
export function budget(section: string, name: string, limit: string, actual: string, pass: boolean | null): Budget {
  return { section, name, limit, actual, pass };
}

/** A section that could not run here, with the reason. */
export function skippedSection<T>(name: string, reason: string, seconds = 0): SectionResult<T> {
  return { name, skipped: reason, tables: [], budgets: [], seconds };
}
