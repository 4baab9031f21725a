import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addPolicyMeta, buildPolicy, hashInlineScripts } from '../../src/lib/site/content-security-policy.ts';

describe('content security policy', () => {
  it('hashes inline scripts only, exactly as the browser does', () => {
    const theme = "document.documentElement.dataset.theme='dark'";
    const html = `<head><script>${theme}</script><script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{}</script></head>`;
    expect(hashInlineScripts(html)).toEqual([`sha256-${createHash('sha256').update(theme).digest('base64')}`]);
  });

  it('allows scripts from the site and hashed inline ones, never eval or inline code', () => {
    const policy = buildPolicy(['sha256-abc='], { forHeader: false });
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain('frame-ancestors');
    expect(buildPolicy([], { forHeader: true })).toContain("frame-ancestors 'none'");
    // Pagefind's worker takes the header's policy: WebAssembly must be allowed there, JavaScript eval never.
    expect(buildPolicy([], { forHeader: true })).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(buildPolicy([], { forHeader: true })).not.toMatch(/'unsafe-eval'/);
    expect(buildPolicy([], { forHeader: false })).not.toContain('wasm-unsafe-eval');
  });

  it('puts the meta tag before any script, replacing an older one', () => {
    const html =
      '<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="old"><script>x</script></head></html>';
    const result = addPolicyMeta(html, "default-src 'self'");
    expect(result).toBe(
      `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'"><script>x</script></head></html>`,
    );
  });
});
