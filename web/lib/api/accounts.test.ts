import { afterEach, describe, expect, it, vi } from "vitest";
import { getMe, logIn, signUp, startSession } from "./accounts";
import { readSession } from "./session";
import { callInit, json, problem, stubFetch, stubWindow } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

const profile = { id: "u1", email: "dancer@example.com", role: "user", coinBalance: 10, createdAt: "2026-01-01T00:00:00Z" };
const token = { accessToken: "jwt", expiresAt: "2999-01-01T00:00:00Z", tokenType: "Bearer" };

describe("signUp and logIn", () => {
  it("post the credentials as JSON without a token", async () => {
    const fetchMock = stubFetch(json(profile, 201));
    await signUp({ email: "dancer@example.com", password: "secret123" });
    const call = callInit(fetchMock);
    expect(call.url).toBe("/api/v1/auth/signup");
    expect(call.method).toBe("POST");
    expect(JSON.parse(String(call.body))).toEqual({ email: "dancer@example.com", password: "secret123" });
    expect(call.headers.Authorization).toBeUndefined();
  });

  it("reads the bearer token from login", async () => {
    stubFetch(json(token));
    await expect(logIn({ email: "a@b.c", password: "p" })).resolves.toEqual({ accessToken: "jwt", expiresAt: token.expiresAt });
  });

  it("fails a wrong password with the api's own words", async () => {
    stubFetch(problem(401, "The email or password is wrong."));
    await expect(logIn({ email: "a@b.c", password: "nope" })).rejects.toThrow("The email or password is wrong.");
  });

  it("fails a taken email with the 409's detail", async () => {
    stubFetch(problem(409, "An account with the email 'a@b.c' already exists; log in instead."));
    await expect(signUp({ email: "a@b.c", password: "secret123" })).rejects.toMatchObject({ httpStatus: 409, message: expect.stringMatching(/log in instead/) });
  });
});

describe("startSession", () => {
  it("signs up, logs in and stores the session that later calls send", async () => {
    stubWindow();
    const fetchMock = stubFetch(json(profile, 201), json(token), json({ ...profile, recentTransactions: [], recentJobs: [] }));
    await startSession({ email: " Dancer@Example.com ", password: "secret123" }, { createAccount: true });
    expect(readSession()).toEqual({ accessToken: "jwt", expiresAt: token.expiresAt, email: "dancer@example.com" });

    await expect(getMe()).resolves.toMatchObject({ email: "dancer@example.com", coinBalance: 10 });
    expect(callInit(fetchMock, 2).headers.Authorization).toBe("Bearer jwt");
  });

  it("stores nothing when the login fails", async () => {
    stubWindow();
    stubFetch(problem(401, "The email or password is wrong."));
    await expect(startSession({ email: "a@b.c", password: "x" })).rejects.toThrow();
    expect(readSession()).toBeNull();
  });
});

describe("getMe", () => {
  it("rejects a profile without a coin balance", async () => {
    stubFetch(json({ ...profile, coinBalance: undefined }));
    await expect(getMe()).rejects.toThrow(/coinBalance/);
  });
});
