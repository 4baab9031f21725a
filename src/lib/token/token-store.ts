import { MAX_INPUT_LENGTH } from './normalize-token.ts';

export interface StoredToken {
  token: string;
  provider: string;
  remembered: boolean;
}

export const TOKEN_STORAGE_KEY = 'meshplay-api-reference:token';

/** Keeps the token in sessionStorage (this tab, survives reloads) or, when the reader asks to be remembered, in localStorage; never anywhere else. */
export function createTokenStore(
  session: Storage,
  local: Storage,
): {
  load(): StoredToken | undefined;
  save(value: { token: string; provider: string }, remember: boolean): void;
  forget(): void;
} {
  // Only set when storage refused a write: the token then lives for this page only, which beats losing it.
  let unsaved: StoredToken | undefined;
  return {
    load() {
      if (unsaved !== undefined) return { ...unsaved };
      const fromSession = readEntry(session);
      if (fromSession !== undefined) return { ...fromSession, remembered: false };
      const fromLocal = readEntry(local);
      return fromLocal === undefined ? undefined : { ...fromLocal, remembered: true };
    },
    save(value, remember) {
      const target = remember ? local : session;
      const other = remember ? session : local;
      const entry = { token: value.token, provider: value.provider };
      // Remove from the other storage first, so that a token is never kept where the reader did not choose.
      removeEntry(other);
      if (writeEntry(target, entry)) {
        unsaved = undefined;
      } else {
        // A failed write can leave an older token behind, which load() must not bring back.
        removeEntry(target);
        unsaved = { ...entry, remembered: remember };
      }
    },
    forget() {
      unsaved = undefined;
      removeEntry(session);
      removeEntry(local);
    },
  };
}

/** Reads and checks the stored entry; anything malformed or unreadable counts as no token. */
function readEntry(storage: Storage): { token: string; provider: string } | undefined {
  let raw: string | null;
  try {
    raw = storage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return undefined;
  }
  // The length bound keeps a tampered entry from being parsed at any size.
  if (raw === null || raw.length > MAX_INPUT_LENGTH) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { token, provider } = parsed as Record<string, unknown>;
  if (typeof token !== 'string' || typeof provider !== 'string') return undefined;
  return { token, provider };
}

/** Writes the entry, and says whether storage took it (quota and disabled storage throw). */
function writeEntry(storage: Storage, entry: { token: string; provider: string }): boolean {
  try {
    storage.setItem(TOKEN_STORAGE_KEY, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

/** Removes the entry, ignoring storage that refuses access. */
function removeEntry(storage: Storage): void {
  try {
    storage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage that cannot be read cannot hold our token either.
  }
}
