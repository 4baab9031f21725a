/** The guide pages that other sites and the CLI link to, with the heading each must show. */
export const GUIDE_PAGES = [
  { path: '', title: 'Meshplay REST API' },
  { path: 'reference/rest-apis/', title: 'REST API' },
  { path: 'extensibility/api/', title: 'Meshplay APIs and tokens' },
  { path: 'extensibility/providers/', title: 'Providers' },
  { path: 'reference/meshplayctl/', title: 'meshplayctl' },
  { path: 'reference/meshplayctl/system/login/', title: 'meshplayctl system login' },
  { path: 'reference/graphql-apis/', title: 'GraphQL API' },
] as const;
