"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiError, startSession } from "@/lib/api";

type Mode = "login" | "signup";

const MIN_PASSWORD_LENGTH = 8;

/** One form for both: log in, or create an account (which then logs in). */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("login");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const id = useId();
  const signup = mode === "signup";

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await startSession({ email, password }, { createAccount: signup });
      router.push(next);
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      const fields = caught instanceof ApiError ? (caught.problem?.errors ?? {}) : {};
      setError({ message, fields });
      setBusy(false);
    }
  }

  const fieldError = (name: string) => error?.fields[name]?.join(" ");
  const emailError = fieldError("email");
  const passwordError = fieldError("password");

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 id={`${id}-heading`} className="text-2xl font-semibold tracking-tight text-slate-900">
        {signup ? "Create an account" : "Sign in"}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {signup ? "New accounts start with free coins for analyses." : "Welcome back. Log in to see your analyses."}
      </p>

      <div role="group" aria-label="Account" className="mt-5 grid grid-cols-2 rounded-lg bg-slate-100 p-1 text-sm font-medium">
        {(["login", "signup"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={mode === option}
            onClick={() => {
              setMode(option);
              setError(null);
            }}
            className={`rounded-md px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
              mode === option ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"
            }`}
          >
            {option === "login" ? "Log in" : "Sign up"}
          </button>
        ))}
      </div>

      <form onSubmit={submit} className="mt-5 space-y-4">
        <div>
          <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-800">
            Email
          </label>
          <input
            id={`${id}-email`}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${id}-email-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
          />
          {emailError && (
            <p id={`${id}-email-error`} role="alert" className="mt-1 text-sm text-red-700">
              {emailError}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-800">
            Password
          </label>
          <input
            id={`${id}-password`}
            type="password"
            name="password"
            autoComplete={signup ? "new-password" : "current-password"}
            required
            minLength={signup ? MIN_PASSWORD_LENGTH : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={`${id}-password-hint`}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
          />
          <p id={`${id}-password-hint`} className={`mt-1 text-sm ${passwordError ? "text-red-700" : "text-slate-500"}`}>
            {passwordError ?? (signup ? `At least ${MIN_PASSWORD_LENGTH} characters.` : "")}
          </p>
        </div>

        {error && !emailError && !passwordError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
            {error.message}
          </p>
        )}

        <button
          type="submit"
          disabled={busy}
          className="w-full rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-70"
        >
          {busy ? (signup ? "Creating account…" : "Signing in…") : signup ? "Create account" : "Log in"}
        </button>
      </form>
    </section>
  );
}
