import { describe, expect, it } from 'vitest';
import { parseDeepLink } from '../../src/lib/playground/deep-link.ts';

describe('parseDeepLink', () => {
  it('reads a tag and an operation, decoding each part', () => {
    expect(parseDeepLink('#/Users/getSignedInUser')).toEqual({ tag: 'Users', operationId: 'getSignedInUser' });
    expect(parseDeepLink('#/Kubernetes%20contexts/listContexts')).toEqual({ tag: 'Kubernetes contexts', operationId: 'listContexts' });
  });

  it('reads a tag alone', () => {
    expect(parseDeepLink('#/System')).toEqual({ tag: 'System', operationId: undefined });
    expect(parseDeepLink('#/System/')).toEqual({ tag: 'System', operationId: undefined });
  });

  it('takes a malformed escape, an empty tag, extra parts or another fragment for no link', () => {
    expect(parseDeepLink('#/%E0%A4%A/x')).toBeUndefined();
    expect(parseDeepLink('#/Users/%E0%A4%A')).toBeUndefined();
    expect(parseDeepLink('#/')).toBeUndefined();
    expect(parseDeepLink('#/a/b/c')).toBeUndefined();
    expect(parseDeepLink('#parameters')).toBeUndefined();
    expect(parseDeepLink('')).toBeUndefined();
  });
});
