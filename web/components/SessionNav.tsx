"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ACCOUNT_CHANGED_EVENT, clearSession, getMe, type UserProfile } from "@/lib/api";
import { signInPath } from "@/lib/navigation";
import { useSession } from "./useSession";

const linkClass =
  "rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** The account end of the nav bar: who is signed in and their coins, or a way to sign in. */
export function SessionNav() {
  const { session, ready } = useSession();
  const [profile, setProfile] = useState<UserProfile | null>(null);
  const pathname = usePathname();
  const router = useRouter();
  const token = session?.accessToken ?? null;

  // Read the balance again after each navigation and whenever the app says it changed.
  useEffect(() => {
    if (!token) {
      setProfile(null);
      return;
    }
    const controller = new AbortController();
    const load = () =>
      getMe(controller.signal).then(setProfile, () => {
        // The nav stays quiet; a 401 has already ended the session, and pages show other errors themselves.
      });
    load();
    window.addEventListener(ACCOUNT_CHANGED_EVENT, load);
    return () => {
      controller.abort();
      window.removeEventListener(ACCOUNT_CHANGED_EVENT, load);
    };
  }, [token, pathname]);

  if (!ready) return <li aria-hidden="true" className="w-16" />;

  if (!session) {
    return (
      <li>
        <Link href={pathname === "/signin" ? "/signin" : signInPath(pathname)} className={linkClass}>
          Sign in
        </Link>
      </li>
    );
  }

  return (
    <>
      <li className="hidden items-center gap-2 px-2 text-sm text-slate-600 sm:flex">
        <span className="max-w-48 truncate" title={session.email}>
          {profile?.email ?? session.email}
        </span>
        {profile && (
          <span
            className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-600/25"
            title="Coin balance"
          >
            {profile.coinBalance} {profile.coinBalance === 1 ? "coin" : "coins"}
          </span>
        )}
      </li>
      <li>
        <button
          type="button"
          className={linkClass}
          onClick={() => {
            clearSession();
            router.push("/");
          }}
        >
          Sign out
        </button>
      </li>
    </>
  );
}
