import { describe, expect, it } from 'vitest';
import { describeExpiry } from '../../src/lib/token/describe-expiry.ts';

const NOW = new Date('2025-06-01T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The description of an expiry that many milliseconds from NOW. */
function describeIn(milliseconds: number): { expired: boolean; text: string } {
  return describeExpiry(new Date(NOW.getTime() + milliseconds), NOW);
}

describe('describeExpiry', () => {
  it('says a token without an expiry never expires', () => {
    expect(describeExpiry(undefined, NOW)).toEqual({ expired: false, text: 'never expires' });
  });

  it.each([
    [30 * SECOND, 'expires in less than 1 min'],
    [5 * MINUTE, 'expires in 5 min'],
    [5 * MINUTE + 20 * SECOND, 'expires in 5 min'],
    [59 * MINUTE + 40 * SECOND, 'expires in 1 h'],
    [3 * HOUR, 'expires in 3 h'],
    [3 * HOUR + 20 * MINUTE, 'expires in 3 h'],
    [24 * HOUR, 'expires in 24 h'],
    [47 * HOUR, 'expires in 47 h'],
    [2 * DAY, 'expires in 2 d'],
    [30 * DAY + 5 * HOUR, 'expires in 30 d'],
  ])('describes a future expiry %i ms away as %j', (milliseconds, text) => {
    expect(describeIn(milliseconds)).toEqual({ expired: false, text });
  });

  it.each([
    [0, 'expired just now'],
    [-30 * SECOND, 'expired just now'],
    [-5 * MINUTE, 'expired 5 min ago'],
    [-2 * HOUR, 'expired 2 h ago'],
    [-2 * HOUR - 10 * MINUTE, 'expired 2 h ago'],
    [-3 * DAY, 'expired 3 d ago'],
  ])('describes a past expiry %i ms away as %j', (milliseconds, text) => {
    expect(describeIn(milliseconds)).toEqual({ expired: true, text });
  });

  it('does not promise anything for an invalid date', () => {
    expect(describeExpiry(new Date(Number.NaN), NOW)).toEqual({ expired: false, text: 'expiry unknown' });
  });
});
