"use client";

import { useSyncExternalStore } from "react";
import { readSession, subscribeToSession, type Session } from "@/lib/api";

const noSubscription = () => () => {};

/**
 * The signed-in session, and whether it has been read yet: on the server and while hydrating there is no
 * localStorage, so `ready` is false and pages wait rather than send people to sign in.
 */
export function useSession(): { session: Session | null; ready: boolean } {
  const session = useSyncExternalStore(subscribeToSession, () => readSession(), () => null);
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  return { session, ready };
}
