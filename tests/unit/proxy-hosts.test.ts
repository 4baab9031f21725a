import { describe, expect, it } from 'vitest';
import { isAllowedHost, sitePolicyFromEnv } from '../../src/server/proxy-hosts.ts';

const BRIDGE = { names: [], anyIpAddress: false };

describe('which Host headers a proxy answers (DNS rebinding)', () => {
  it('always answers loopback names and addresses', () => {
    for (const host of [
      'localhost',
      'localhost:9180',
      'docs.localhost:4321',
      '127.0.0.1:9180',
      '127.1.2.3',
      '[::1]:9180',
      '[::ffff:127.0.0.1]',
    ]) {
      expect(isAllowedHost(host, BRIDGE), host).toBe(true);
    }
  });

  it('the bridge refuses every other name and address', () => {
    for (const host of [
      'attacker.example',
      'attacker.example:9180',
      '10.0.0.5:9180',
      '[fe80::1]',
      'localhost.',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      '',
      undefined,
      'a b',
      '999.1.1.1',
    ]) {
      expect(isAllowedHost(host, BRIDGE), String(host)).toBe(false);
    }
  });

  it('npm start answers any IP address (a rebinding page can only send a name), HOST and ALLOWED_HOSTS', () => {
    const result = sitePolicyFromEnv('docs.internal', ' Team-Docs.example , 10.0.0.5,[fe80::2]');
    expect(result).toEqual({
      ok: true,
      policy: { names: ['docs.internal', 'team-docs.example', '10.0.0.5', 'fe80::2'], anyIpAddress: true },
    });
    if (!result.ok) return;
    for (const host of ['docs.internal:4321', 'team-docs.example', '192.168.1.20:4321', '[fe80::9]:4321', 'localhost:4321']) {
      expect(isAllowedHost(host, result.policy), host).toBe(true);
    }
    expect(isAllowedHost('attacker.example:4321', result.policy)).toBe(false);
  });

  it('a wildcard HOST adds no name, and a bad ALLOWED_HOSTS entry is explained', () => {
    expect(sitePolicyFromEnv('0.0.0.0', undefined)).toEqual({ ok: true, policy: { names: [], anyIpAddress: true } });
    expect(sitePolicyFromEnv('::', '')).toEqual({ ok: true, policy: { names: [], anyIpAddress: true } });
    expect(sitePolicyFromEnv('127.0.0.1', 'docs.internal,http://x')).toEqual({
      ok: false,
      message:
        'ALLOWED_HOSTS must list host names or addresses separated by commas, such as docs.internal,10.0.0.5; "http://x" is not one.',
    });
  });
});
