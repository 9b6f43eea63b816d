// The signed-in session: the api's bearer token, kept in localStorage so it survives reloads and
// is shared by tabs. Components follow it with useSession (a useSyncExternalStore over this store).

export interface Session {
  accessToken: string;
  /** ISO time after which the api refuses the token. */
  expiresAt: string;
  email: string;
}

const STORAGE_KEY = "danceaspire.session";
const CHANGE_EVENT = "danceaspire:session";

function storage(): Storage | null {
  return typeof window === "undefined" ? null : window.localStorage;
}

let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

/** The stored session, or null when there is none or its token has expired. */
export function readSession(now: Date = new Date()): Session | null {
  const raw = storage()?.getItem(STORAGE_KEY) ?? null;
  if (raw !== cached.raw) cached = { raw, session: parseSession(raw) };
  const session = cached.session;
  if (session && Date.parse(session.expiresAt) <= now.getTime()) return null;
  return session;
}

export function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { accessToken, expiresAt, email } = value as Record<string, unknown>;
    if (typeof accessToken !== "string" || typeof expiresAt !== "string" || typeof email !== "string") return null;
    return { accessToken, expiresAt, email };
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return readSession()?.accessToken ?? null;
}

export function saveSession(session: Session): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(session));
  notify();
}

export function clearSession(): void {
  const store = storage();
  if (!store || store.getItem(STORAGE_KEY) === null) return;
  store.removeItem(STORAGE_KEY);
  notify();
}

function notify() {
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Calls back when the session changes in this tab or another one. */
export function subscribeToSession(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}
