// Paths the app sends people to, and the main navigation's links.

/** The main navigation, in the order of the work: analyze videos into moves, add songs, choreograph. */
export const NAV_ITEMS = [
  { href: "/", label: "Home" },
  { href: "/analyses", label: "Analyses" },
  { href: "/moves", label: "Moves" },
  { href: "/songs", label: "Songs" },
  { href: "/choreography", label: "Choreography" },
] as const;

/**
 * Where to go after signing in: only a path of this app (so a crafted link cannot send people elsewhere),
 * else the analyses.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/analyses"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

/** The sign-in page, returning to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeNextPath(path, "");
  return next && next !== "/signin" ? `/signin?next=${encodeURIComponent(next)}` : "/signin";
}
