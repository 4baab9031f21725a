import { describe, expect, it } from 'vitest';
import { isMeshplayVersionAnswer, type VersionAnswer } from '../../src/lib/playground/same-origin.ts';

const meshplay: VersionAnswer = {
  status: 200,
  redirected: false,
  contentType: 'application/json',
  body: '{"build":"v0.7.0","latest":"v0.7.1","outdated":true,"commitsha":"6f28af8a","release_channel":"stable"}\n',
};

describe('isMeshplayVersionAnswer', () => {
  it("recognises Meshplay's version JSON, with or without the fields it omits when empty", () => {
    expect(isMeshplayVersionAnswer(meshplay)).toBe(true);
    expect(isMeshplayVersionAnswer({ ...meshplay, body: '{"build":"v0.7.0","commitsha":"abc","release_channel":"edge"}' })).toBe(true);
    expect(isMeshplayVersionAnswer({ ...meshplay, contentType: 'application/json; charset=utf-8' })).toBe(true);
  });

  it.each([
    ["a docs host's HTML 404", { status: 404, contentType: 'text/html', body: '<!doctype html><h1>Not found</h1>' }],
    ['an HTML page answered 200', { contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Docs</title>' }],
    ['a static JSON file with other fields', { body: '{"build":"v1","name":"docs","version":"2.0.0"}' }],
    ['a JSON file with the right names and wrong types', { body: '{"build":1,"outdated":"yes"}' }],
    ['an empty object', { body: '{}' }],
    ['only the latest release, naming no build', { body: '{"latest":"v0.7.1","outdated":false}' }],
    ['an array', { body: '[{"build":"v0.7.0"}]' }],
    ['broken JSON', { body: '{"build":' }],
    ['JSON sent as text', { contentType: 'text/plain; charset=utf-8' }],
    ['an answer after a redirect (a sign-in page, another path)', { redirected: true }],
    ['another success status', { status: 203 }],
    ['prototype names', { body: '{"build":"v0.7.0","constructor":"x"}' }],
  ])('is not fooled by %s', (_name, change) => {
    expect(isMeshplayVersionAnswer({ ...meshplay, ...change })).toBe(false);
  });
});
