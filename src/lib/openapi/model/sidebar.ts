import { routePath } from './routes.ts';
import type { Tag } from './types.ts';

/** A sidebar link, as Starlight's config takes it (internal links without the base; Starlight adds it). */
export interface SidebarLink {
  label: string;
  link: string;
}

/** A sidebar link to a content page by its slug, as Starlight's config takes it. */
export interface SidebarSlug {
  label: string;
  slug: string;
}

/** A sidebar group, as Starlight's config takes it. */
export interface SidebarGroup {
  label: string;
  collapsed?: boolean;
  items: Array<SidebarLink | SidebarSlug | SidebarGroup>;
}

/**
 * Past this many operations the sidebar lists tags only: Starlight writes the whole sidebar
 * into every page, and a thousand links would make each page several hundred KB.
 */
export const MAX_SIDEBAR_OPERATIONS = 400;

/** The "Endpoints" group: one collapsed group per tag with its overview and its operations, then the schemas. */
export function buildReferenceSidebar(tags: Tag[]): SidebarGroup {
  const total = tags.reduce((sum, tag) => sum + tag.operations.length, 0);
  const items: SidebarGroup['items'] =
    total > MAX_SIDEBAR_OPERATIONS
      ? tags.map((tag) => ({ label: tag.name, link: routePath(tag.route) }))
      : tags.map((tag) => ({
          label: tag.name,
          collapsed: true,
          items: [{ label: `All ${tag.name} operations`, link: routePath(tag.route) }, ...tag.operations.map((entry) => ({ label: entry.title, link: routePath(entry.route) }))],
        }));
  return { label: 'Endpoints', items: [...items, { label: 'Schemas', link: routePath({ kind: 'schemas' }) }] };
}
