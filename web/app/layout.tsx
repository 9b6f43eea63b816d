import type { Metadata } from "next";
import Link from "next/link";
import { SessionNav } from "@/components/SessionNav";
import { NAV_ITEMS } from "@/lib/navigation";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DanceAspire", template: "%s · DanceAspire" },
  description:
    "An open platform for dance video: analyze dances, choreograph a dance for a song, animate a photo.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-6">
            <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
              Dance<span className="text-indigo-700">Aspire</span>
            </Link>
            <nav aria-label="Main">
              <ul className="flex items-center gap-1">
                {NAV_ITEMS.map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
                <SessionNav />
              </ul>
            </nav>
          </div>
        </header>
        <main className="mx-auto max-w-5xl px-6 py-12">{children}</main>
      </body>
    </html>
  );
}
