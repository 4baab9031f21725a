/**
 * Types of the two Starlight virtual modules that Search.astro reads, as Starlight's own
 * Search component does (Starlight ships no types for them).
 */
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore' };
  export default project;
}

declare module 'virtual:starlight/pagefind-config' {
  /** Starlight's `pagefind` option, with its defaults applied. */
  export const pagefindUserConfig: Record<string, unknown>;
}
