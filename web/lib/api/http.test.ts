import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, errorFromStatus, parseProblem, problemMessage, requestJson } from "./http";
import { readSession, saveSession } from "./session";
import { callInit, json, problem, stubFetch, stubWindow } from "./test-support";

afterEach(() => {
  vi.unstubAllGlobals();
});

const future = new Date(Date.now() + 3600_000).toISOString();

describe("parseProblem", () => {
  it("reads title, status, detail, code and field errors", () => {
    expect(
      parseProblem({ title: "Video rejected", status: 422, detail: "Too long.", code: "too_long", errors: { file: ["bad"] } }),
    ).toEqual({ title: "Video rejected", status: 422, detail: "Too long.", code: "too_long", errors: { file: ["bad"] } });
  });

  it("is null for a body that is not ProblemDetails", () => {
    expect(parseProblem("<html>")).toBeNull();
    expect(parseProblem({ items: [] })).toBeNull();
  });
});

describe("problemMessage", () => {
  it("spells out field errors when the detail says to see them", () => {
    const message = problemMessage({
      title: null,
      status: 400,
      detail: "The signup request is not valid; see errors.",
      code: null,
      errors: { password: ["A password has at least 8 characters."] },
    });
    expect(message).toBe("The signup request is not valid. A password has at least 8 characters.");
  });

  it("falls back to the title when there is no detail", () => {
    expect(problemMessage({ title: "Not Found", status: 404, detail: null, code: null, errors: {} })).toBe("Not Found");
  });
});

describe("errorFromStatus", () => {
  it("carries the detail as its message and the code for callers to branch on", () => {
    const error = errorFromStatus(402, { title: "Not enough coins", detail: "An analysis costs 1 coin and your balance is 0.", code: "not_enough_coins" });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe("An analysis costs 1 coin and your balance is 0.");
    expect(error.code).toBe("not_enough_coins");
    expect(error.httpStatus).toBe(402);
  });

  it("names the status when the body is not ProblemDetails", () => {
    expect(errorFromStatus(502, null).message).toBe("The api answered HTTP 502.");
  });
});

describe("requestJson", () => {
  it("sends the session's token as a bearer and the body as JSON", async () => {
    stubWindow();
    saveSession({ accessToken: "tok-1", expiresAt: future, email: "a@b.c" });
    const fetchMock = stubFetch(json({ ok: true }));
    await requestJson("/api/v1/x", (b) => b, { method: "POST", body: { a: 1 } });
    const call = callInit(fetchMock);
    expect(call.headers.Authorization).toBe("Bearer tok-1");
    expect(call.headers["Content-Type"]).toBe("application/json");
    expect(call.body).toBe('{"a":1}');
  });

  it("ends the session when the api refuses its token with 401", async () => {
    stubWindow();
    saveSession({ accessToken: "expired", expiresAt: future, email: "a@b.c" });
    stubFetch(problem(401, "The token is not valid."));
    await expect(requestJson("/api/v1/users/me", (b) => b)).rejects.toMatchObject({ httpStatus: 401 });
    expect(readSession()).toBeNull();
  });

  it("sends no Authorization header when there is no session", async () => {
    stubWindow();
    const fetchMock = stubFetch(json({}));
    await requestJson("/api/v1/x", (b) => b);
    expect(callInit(fetchMock).headers.Authorization).toBeUndefined();
  });
});
