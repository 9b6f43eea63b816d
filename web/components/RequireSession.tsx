"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { signInPath } from "@/lib/navigation";
import { useSession } from "./useSession";

/** Shows its children to a signed-in person; sends anyone else to sign in, and back here afterwards. */
export function RequireSession({ children }: { children: React.ReactNode }) {
  const { session, ready } = useSession();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (ready && !session) router.replace(signInPath(pathname));
  }, [ready, session, router, pathname]);

  if (!ready || !session) {
    return (
      <p role="status" className="text-sm text-slate-600">
        {ready ? "Sign in to see this page. Taking you there…" : "Loading…"}
      </p>
    );
  }
  return <>{children}</>;
}
