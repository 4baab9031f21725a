/**
 * Attribute fixes for what axe flags in Swagger UI's markup and the island can fix without
 * forking it. Applied after every render (a MutationObserver); each fix is idempotent, and only
 * attributes change, so the observer (watching the tree, not attributes) does not loop.
 */

/** Give a control an accessible name when Swagger UI renders it without one. */
function nameUnlabelled(root: ParentNode, selector: string, name: string): void {
  for (const element of root.querySelectorAll<HTMLElement>(selector)) {
    if (!element.hasAttribute('aria-label') && !element.hasAttribute('aria-labelledby')) element.setAttribute('aria-label', name);
  }
}

/** Apply every fix to the Swagger UI tree under root. */
export function fixSwaggerUiMarkup(root: ParentNode): void {
  // The path inside an operation's expand button is a deep link: a link inside a button can be neither
  // reached nor announced (nested-interactive). The button itself updates the address, so the href is dropped.
  for (const link of root.querySelectorAll('.opblock-summary-control a[href]')) link.removeAttribute('href');
  nameUnlabelled(root, 'select.examples-select-element', 'Example');
  nameUnlabelled(root, '.response-control-media-type select, .content-type-wrapper select, select.content-type', 'Media type');
  nameUnlabelled(root, '.parameters-col_description select', 'Value');
  nameUnlabelled(root, '.operation-filter-input', 'Filter by tag');
}

/** Keep the fixes applied as Swagger UI re-renders; returns the observer so it can be stopped. */
export function watchSwaggerUiMarkup(root: HTMLElement): MutationObserver {
  fixSwaggerUiMarkup(root);
  const observer = new MutationObserver(() => fixSwaggerUiMarkup(root));
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
