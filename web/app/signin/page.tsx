import type { Metadata } from "next";
import { SignInForm } from "@/components/account/SignInForm";
import { safeNextPath } from "@/lib/navigation";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <SignInForm next={safeNextPath(typeof next === "string" ? next : null)} />
    </div>
  );
}
