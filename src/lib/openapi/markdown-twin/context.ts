import type { SiteLinks } from '../../markdown/site-links.ts';
import { routePath, type Route } from '../model/routes.ts';

/** What every twin renderer needs: the site's links, and the path of the page being rendered. */
export interface TwinContext {
  links: SiteLinks;
  /** The path inside the site of the HTML page this twin stands for ("/reference/rest-apis/users/"). */
  pagePath: string;
}

/** The link to a route of the reference: its twin when it has one (see SiteLinks.to). */
export function linkTo(context: TwinContext, route: Route): string {
  return context.links.to(routePath(route));
}
