import { describe, expect, it } from 'vitest';
import { validateServerUrl } from '../../src/lib/playground/server-url.ts';

/** Validate a URL that must be accepted and return the URL it gave. */
function accepted(input: string): string {
  const result = validateServerUrl(input);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(input)}: ${result.message}`);
  return result.url;
}

/** Validate a URL that must be refused and return the message. */
function refused(input: string): string {
  const result = validateServerUrl(input);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(input)} as ${result.url}`);
  return result.message;
}

describe('validateServerUrl', () => {
  it('accepts http and https URLs and removes the trailing slash', () => {
    expect(accepted('http://localhost:9081')).toBe('http://localhost:9081');
    expect(accepted('http://localhost:9081/')).toBe('http://localhost:9081');
    expect(accepted('  https://meshplay.example.com/  ')).toBe('https://meshplay.example.com');
    expect(accepted('HTTP://Meshplay.Example.com:9081/base/')).toBe('http://meshplay.example.com:9081/base');
  });

  it('accepts an IPv6 address', () => {
    expect(accepted('http://[::1]:9081')).toBe('http://[::1]:9081');
    expect(accepted('http://[::1]:9081/')).toBe('http://[::1]:9081');
  });

  it('is idempotent on what it returns', () => {
    const url = accepted('https://meshplay.example.com/base/');
    expect(accepted(url)).toBe(url);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://localhost:9081', 'data:text/html,hi'])(
    'refuses the non-web scheme in %j',
    (input) => {
      const message = refused(input);
      expect(message).toMatch(/http:\/\/ or https:\/\//);
      expect(message).toContain('http://localhost:9081');
    },
  );

  it('refuses a user name or password', () => {
    expect(refused('http://user:pass@localhost:9081')).toMatch(/user name and password/);
    expect(refused('http://user@localhost:9081')).toMatch(/user name and password/);
    expect(refused('http://localhost:9081@evil.test/')).toMatch(/user name and password/);
  });

  it('refuses a query or a fragment', () => {
    expect(refused('http://localhost:9081/?a=1')).toMatch(/Remove the query/);
    expect(refused('http://localhost:9081?')).toMatch(/Remove the query/);
    expect(refused('http://localhost:9081/#top')).toMatch(/Remove the fragment/);
  });

  it('asks for the scheme when it is missing, suggesting the URL with it', () => {
    expect(refused('localhost:9081')).toBe(
      'Start the URL with http:// or https://, for example http://localhost:9081; did you mean http://localhost:9081?',
    );
    expect(refused('meshplay.example.com')).toMatch(/did you mean http:\/\/meshplay\.example\.com\?/);
    expect(refused('192.168.1.5:9081/base')).toMatch(/did you mean http:\/\/192\.168\.1\.5:9081\/base\?/);
    expect(refused('//localhost:9081')).toMatch(/did you mean http:\/\/localhost:9081\?/);
  });

  it('refuses empty input, whitespace inside, and malformed URLs with an example', () => {
    for (const input of [
      '',
      '   ',
      'http://local host:9081',
      'http://localhost:9081\n/x',
      'http:localhost:9081',
      'http://',
      'http://localhost:99999',
      'http://exa\u200bmple.com',
    ]) {
      expect(refused(input)).toContain('http://localhost:9081');
    }
  });

  it('does not repeat markup from the input', () => {
    expect(refused('<script>alert(1)</script>')).not.toMatch(/<script/);
    expect(refused('<img src=x>:9081')).not.toMatch(/<img/);
  });
});
