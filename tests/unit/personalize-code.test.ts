import { describe, expect, it } from 'vitest';
import { personalizeCode } from '../../src/lib/playground/personalize-code.ts';

describe('personalizeCode', () => {
  const example = 'curl --cookie "meshplay-provider=Meshplay; token=$MESHPLAY_TOKEN" http://localhost:9081/api/user';

  it('puts the saved token and server into an example', () => {
    expect(personalizeCode(example, { token: 'abc123', serverUrl: 'https://meshplay.example.com/' })).toBe(
      'curl --cookie "meshplay-provider=Meshplay; token=abc123" https://meshplay.example.com/api/user',
    );
  });

  it('leaves the placeholders alone when nothing is saved', () => {
    expect(personalizeCode(example, { token: undefined, serverUrl: undefined })).toBe(example);
  });
});
