/** The part of Pagefind's UI (`@pagefind/default-ui`, shipped without types) that search uses. */
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: Record<string, unknown> & { element: string | HTMLElement });
    destroy(): void;
  }
}
