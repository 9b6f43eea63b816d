// Accounts: sign up, log in (which starts the session) and the caller's own profile.

import { expectRecord, readNumber, readString, requestJson } from "./http";
import { saveSession, type Session } from "./session";

export interface Credentials {
  email: string;
  password: string;
}

export interface UserProfile {
  id: string;
  email: string;
  role: string;
  coinBalance: number;
  createdAt: string;
}

export interface BearerToken {
  accessToken: string;
  expiresAt: string;
}

/** POST /api/v1/auth/signup: creates the account (with its signup grant of coins); it does not log in. */
export function signUp(credentials: Credentials, signal?: AbortSignal): Promise<UserProfile> {
  return requestJson("/api/v1/auth/signup", parseUserProfile, { method: "POST", body: credentials, auth: false, signal });
}

/** POST /api/v1/auth/login: exchanges the credentials for a bearer token. */
export function logIn(credentials: Credentials, signal?: AbortSignal): Promise<BearerToken> {
  return requestJson("/api/v1/auth/login", parseBearerToken, { method: "POST", body: credentials, auth: false, signal });
}

/** Logs in (signing up first when asked) and stores the session every later call uses. */
export async function startSession(credentials: Credentials, { createAccount = false } = {}): Promise<Session> {
  if (createAccount) await signUp(credentials);
  const token = await logIn(credentials);
  const session = { accessToken: token.accessToken, expiresAt: token.expiresAt, email: credentials.email.trim().toLowerCase() };
  saveSession(session);
  return session;
}

/** GET /api/v1/users/me: the caller's profile and coin balance. */
export function getMe(signal?: AbortSignal): Promise<UserProfile> {
  return requestJson("/api/v1/users/me", parseUserProfile, { signal });
}

export function parseUserProfile(body: unknown): UserProfile {
  const what = "User profile";
  const record = expectRecord(body, what);
  return {
    id: readString(record, "id", what),
    email: readString(record, "email", what),
    role: readString(record, "role", what),
    coinBalance: readNumber(record, "coinBalance", what),
    createdAt: readString(record, "createdAt", what),
  };
}

export function parseBearerToken(body: unknown): BearerToken {
  const what = "Login answer";
  const record = expectRecord(body, what);
  return {
    accessToken: readString(record, "accessToken", what),
    expiresAt: readString(record, "expiresAt", what),
  };
}

/** Fired on window when something the caller did changed their account (an analysis spent coins). */
export const ACCOUNT_CHANGED_EVENT = "danceaspire:account";

export function announceAccountChange(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(ACCOUNT_CHANGED_EVENT));
}
