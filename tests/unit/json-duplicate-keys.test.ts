import { describe, expect, it } from 'vitest';
import { hasDuplicateJsonKey } from '../../src/lib/openapi/json-duplicate-keys.ts';

describe('hasDuplicateJsonKey', () => {
  it('finds a key repeated at the top level or in a nested object', () => {
    expect(hasDuplicateJsonKey('{"a": 1, "b": 2, "a": 3}')).toBe(true);
    expect(hasDuplicateJsonKey('{"a": {"x": [1, {"y": 1, "y": 2}]}}')).toBe(true);
  });

  it('finds a key spelled twice with different escapes', () => {
    expect(hasDuplicateJsonKey('{"ab": 1, "a\\u0062": 2}')).toBe(true);
  });

  it('accepts the same key in different objects, and key names used as values', () => {
    expect(hasDuplicateJsonKey('{"a": {"a": "a"}, "b": [{"a": 1}, {"a": 2}], "c": "a"}')).toBe(false);
  });

  it('is not misled by quotes, braces and commas inside strings', () => {
    expect(hasDuplicateJsonKey('{"a": "x\\", \\"a\\": {", "b": "\\\\", "c": ",\\"b\\":"}')).toBe(false);
    expect(hasDuplicateJsonKey('{"a": "\\\\", "a": 1}')).toBe(true);
  });
});
