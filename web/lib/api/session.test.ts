import { afterEach, describe, expect, it, vi } from "vitest";
import { clearSession, getToken, parseSession, readSession, saveSession, subscribeToSession } from "./session";
import { stubWindow } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("session", () => {
  it("keeps a saved session across reads and tells subscribers", () => {
    stubWindow();
    const onChange = vi.fn();
    const unsubscribe = subscribeToSession(onChange);
    saveSession({ accessToken: "t", expiresAt: "2999-01-01T00:00:00Z", email: "x@y.z" });
    expect(getToken()).toBe("t");
    expect(readSession()).toBe(readSession());
    clearSession();
    expect(getToken()).toBeNull();
    expect(onChange).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it("treats an expired token as no session", () => {
    stubWindow();
    saveSession({ accessToken: "t", expiresAt: "2020-01-01T00:00:00Z", email: "x@y.z" });
    expect(readSession(new Date("2021-01-01T00:00:00Z"))).toBeNull();
  });

  it("ignores a stored value that is not a session", () => {
    expect(parseSession("not json")).toBeNull();
    expect(parseSession('{"accessToken":1}')).toBeNull();
  });

  it("has no session on the server, where there is no window", () => {
    expect(readSession()).toBeNull();
  });
});
