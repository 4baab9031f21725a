const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "expires in 3 h", "expires in 5 min", "expires in 2 d", "expired 2 h ago", "expired just now", "never expires" (undefined); rounded sensibly. */
export function describeExpiry(expiresAt: Date | undefined, now: Date): { expired: boolean; text: string } {
  if (expiresAt === undefined) return { expired: false, text: 'never expires' };
  const remaining = expiresAt.getTime() - now.getTime();
  // An invalid date says nothing; claiming "never expires" would be a promise the token may not keep.
  if (Number.isNaN(remaining)) return { expired: false, text: 'expiry unknown' };
  // A token is no longer accepted from the instant it expires, so "now" counts as expired.
  if (remaining <= 0) {
    if (-remaining < MINUTE) return { expired: true, text: 'expired just now' };
    return { expired: true, text: `expired ${formatDuration(-remaining)} ago` };
  }
  if (remaining < MINUTE) return { expired: false, text: 'expires in less than 1 min' };
  return { expired: false, text: `expires in ${formatDuration(remaining)}` };
}

/** Rounds a duration of at least a minute to one unit: minutes under an hour, hours under two days, then days. */
function formatDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(milliseconds / HOUR);
  // Hours up to two days, so that a fresh 24-hour token reads "24 h" rather than "1 d".
  if (hours < 48) return `${hours} h`;
  return `${Math.round(milliseconds / DAY)} d`;
}
