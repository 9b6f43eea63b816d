import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./http";
import { getHealth, parseHealthReport } from "./health";

const healthy = {
  status: "Healthy",
  durationMs: 12.3,
  checks: [
    { name: "postgres", status: "Healthy", durationMs: 3.1, description: null },
    { name: "redis", status: "Healthy", durationMs: 1.2, description: null },
    { name: "blobs", status: "Healthy", durationMs: 4.5, description: null },
  ],
};

function respondWith(response: Response | Error) {
  const fetchMock = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function json(body: unknown, status: number) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("parseHealthReport", () => {
  it("reads the api's report with every check in order", () => {
    const report = parseHealthReport(healthy);
    expect(report.status).toBe("Healthy");
    expect(report.durationMs).toBe(12.3);
    expect(report.checks.map((c) => c.name)).toEqual(["postgres", "redis", "blobs"]);
  });

  it("keeps a check's description when there is one", () => {
    const report = parseHealthReport({
      ...healthy,
      status: "Unhealthy",
      checks: [{ name: "redis", status: "Unhealthy", durationMs: 5000, description: "timed out" }],
    });
    expect(report.checks[0]).toEqual({
      name: "redis",
      status: "Unhealthy",
      durationMs: 5000,
      description: "timed out",
    });
  });

  it("rejects a status outside Healthy, Degraded and Unhealthy", () => {
    expect(() => parseHealthReport({ ...healthy, status: "Fine" })).toThrow(ApiError);
  });

  it("rejects a body without a checks array", () => {
    expect(() => parseHealthReport({ status: "Healthy", durationMs: 1 })).toThrow(/checks/);
  });
});

describe("getHealth", () => {
  it("asks the same origin for /api/v1/health", async () => {
    const fetchMock = respondWith(json(healthy, 200));
    await getHealth();
    expect(fetchMock).toHaveBeenCalledWith("/api/v1/health", expect.anything());
  });

  it("returns the report from a 503, since the api sends it when a dependency is down", async () => {
    respondWith(json({ ...healthy, status: "Unhealthy" }, 503));
    await expect(getHealth()).resolves.toMatchObject({ status: "Unhealthy" });
  });

  it("fails with the HTTP status when the gateway answers 502", async () => {
    respondWith(new Response("Bad Gateway", { status: 502 }));
    await expect(getHealth()).rejects.toMatchObject({ name: "ApiError", httpStatus: 502 });
  });

  it("fails clearly when a 200 carries HTML instead of JSON", async () => {
    respondWith(new Response("<!doctype html><p>not json</p>", { status: 200 }));
    await expect(getHealth()).rejects.toThrow(/without JSON/);
  });

  it("fails clearly when the network is down", async () => {
    respondWith(new TypeError("fetch failed"));
    await expect(getHealth()).rejects.toThrow(/Could not reach the api/);
  });
});
