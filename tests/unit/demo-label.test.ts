import { describe, expect, it } from 'vitest';
import { isDemoResponse } from '../../src/lib/playground/demo-label.ts';

const demoBase = 'http://127.0.0.1:4393/demo-proxy';

describe('isDemoResponse', () => {
  it("labels the demo proxy's answers by its header, whatever the URL", () => {
    expect(isDemoResponse({ url: 'http://127.0.0.1:4393/anything', headers: { 'x-meshplay-demo': 'true' } }, demoBase)).toBe(true);
    expect(isDemoResponse({ url: 'http://127.0.0.1:4393/anything', headers: { 'X-Meshplay-Demo': 'TRUE' } }, undefined)).toBe(true);
  });

  it("labels every answer from the demo server's base, even one without the header (a refusal, a stripped header)", () => {
    expect(isDemoResponse({ url: `${demoBase}/api/system/version`, headers: {} }, demoBase)).toBe(true);
  });

  it("does not label Meshplay's answers, nor a URL that only starts like the demo base", () => {
    expect(isDemoResponse({ url: 'http://127.0.0.1:4393/api-proxy/api/system/version', headers: {} }, demoBase)).toBe(false);
    expect(isDemoResponse({ url: 'http://127.0.0.1:4393/demo-proxy-evil/api/user', headers: {} }, demoBase)).toBe(false);
    expect(isDemoResponse({ url: 'http://other.example/demo-proxy/api/user', headers: {} }, demoBase)).toBe(false);
    expect(isDemoResponse({ url: `${demoBase}/api/user`, headers: { 'x-meshplay-demo': 'false' } }, undefined)).toBe(false);
  });
});
