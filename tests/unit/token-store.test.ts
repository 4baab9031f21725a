import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, createTokenStore } from '../../src/lib/token/token-store.ts';

/** A tiny in-memory Storage, optionally refusing writes or all access like full or disabled storage. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  failWrites = false;
  failAll = false;

  get length(): number {
    this.check();
    return this.items.size;
  }

  clear(): void {
    this.check();
    this.items.clear();
  }

  getItem(key: string): string | null {
    this.check();
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    this.check();
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.check();
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.check();
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }

  /** Throw as a browser does when storage is disabled. */
  private check(): void {
    if (this.failAll) throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

/** A store over two fresh storages, returned with them. */
function setUp(): { session: MemoryStorage; local: MemoryStorage; store: ReturnType<typeof createTokenStore> } {
  const session = new MemoryStorage();
  const local = new MemoryStorage();
  return { session, local, store: createTokenStore(session, local) };
}

const VALUE = { token: 'abc123', provider: 'Meshplay' };

describe('createTokenStore', () => {
  it('loads nothing when nothing was saved', () => {
    expect(setUp().store.load()).toBeUndefined();
  });

  it('keeps the token in sessionStorage only by default', () => {
    const { session, local, store } = setUp();
    store.save(VALUE, false);
    expect(store.load()).toEqual({ ...VALUE, remembered: false });
    expect(session.items.has(TOKEN_STORAGE_KEY)).toBe(true);
    expect(local.items.size).toBe(0);
  });

  it('keeps a remembered token in localStorage only', () => {
    const { session, local, store } = setUp();
    store.save(VALUE, false);
    store.save(VALUE, true);
    expect(store.load()).toEqual({ ...VALUE, remembered: true });
    expect(local.items.has(TOKEN_STORAGE_KEY)).toBe(true);
    expect(session.items.size).toBe(0);
  });

  it('moves a remembered token back to sessionStorage when the reader stops remembering it', () => {
    const { session, local, store } = setUp();
    store.save(VALUE, true);
    store.save(VALUE, false);
    expect(local.items.size).toBe(0);
    expect(session.items.has(TOKEN_STORAGE_KEY)).toBe(true);
  });

  it('loads a remembered token in a new tab, and prefers the tab’s own token', () => {
    const { session, local } = setUp();
    createTokenStore(new MemoryStorage(), local).save({ token: 'remembered', provider: 'Meshplay' }, true);
    const store = createTokenStore(session, local);
    expect(store.load()).toEqual({ token: 'remembered', provider: 'Meshplay', remembered: true });
    session.items.set(TOKEN_STORAGE_KEY, JSON.stringify({ token: 'this-tab', provider: 'Meshplay' }));
    expect(store.load()).toEqual({ token: 'this-tab', provider: 'Meshplay', remembered: false });
  });

  it('forgets the token in both storages', () => {
    const { session, local, store } = setUp();
    session.items.set(TOKEN_STORAGE_KEY, JSON.stringify(VALUE));
    local.items.set(TOKEN_STORAGE_KEY, JSON.stringify(VALUE));
    local.items.set('other-key', 'kept');
    store.forget();
    expect(store.load()).toBeUndefined();
    expect(session.items.size).toBe(0);
    expect([...local.items.keys()]).toEqual(['other-key']);
  });

  it('keeps the local provider’s empty token', () => {
    const { store } = setUp();
    store.save({ token: '', provider: 'None' }, false);
    expect(store.load()).toEqual({ token: '', provider: 'None', remembered: false });
  });

  it('ignores malformed stored entries', () => {
    const { session, local, store } = setUp();
    session.items.set(TOKEN_STORAGE_KEY, '{not json');
    local.items.set(TOKEN_STORAGE_KEY, JSON.stringify({ token: 5, provider: 'Meshplay' }));
    expect(store.load()).toBeUndefined();
    local.items.set(TOKEN_STORAGE_KEY, 'null');
    expect(store.load()).toBeUndefined();
  });

  it('does not throw when storage is full, and keeps the token for this page', () => {
    const { session, local, store } = setUp();
    session.items.set(TOKEN_STORAGE_KEY, JSON.stringify({ token: 'old', provider: 'Meshplay' }));
    session.failWrites = true;
    expect(() => store.save(VALUE, false)).not.toThrow();
    expect(store.load()).toEqual({ ...VALUE, remembered: false });
    // The older token that storage kept must not come back.
    expect(session.items.size).toBe(0);
    expect(local.items.size).toBe(0);
    store.forget();
    expect(store.load()).toBeUndefined();
  });

  it('does not throw when storage is disabled altogether', () => {
    const { session, local, store } = setUp();
    session.failAll = true;
    local.failAll = true;
    expect(() => store.save(VALUE, true)).not.toThrow();
    expect(store.load()).toEqual({ ...VALUE, remembered: true });
    expect(() => store.forget()).not.toThrow();
    expect(store.load()).toBeUndefined();
  });

  it('goes back to storage once a write succeeds again', () => {
    const { session, store } = setUp();
    session.failWrites = true;
    store.save({ token: 'memory', provider: 'Meshplay' }, false);
    session.failWrites = false;
    store.save(VALUE, false);
    expect(store.load()).toEqual({ ...VALUE, remembered: false });
    expect(session.items.has(TOKEN_STORAGE_KEY)).toBe(true);
  });
});
