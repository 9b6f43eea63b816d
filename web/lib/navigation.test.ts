import { describe, expect, it } from "vitest";
import { NAV_ITEMS, safeNextPath, signInPath } from "./navigation";

describe("safeNextPath", () => {
  it("keeps a path of this app", () => {
    expect(safeNextPath("/analyses/abc")).toBe("/analyses/abc");
  });

  it("refuses anything that would leave the app", () => {
    for (const next of ["https://evil.test", "//evil.test", "/\\evil.test", "javascript:alert(1)", "", null, undefined]) {
      expect(safeNextPath(next)).toBe("/analyses");
    }
  });
});

describe("signInPath", () => {
  it("returns to the page that asked", () => {
    expect(signInPath("/analyses/a1")).toBe("/signin?next=%2Fanalyses%2Fa1");
    expect(signInPath("/signin")).toBe("/signin");
  });
});

describe("NAV_ITEMS", () => {
  it("links every page of the app once, the choreography half included", () => {
    expect(NAV_ITEMS.map((item) => item.href)).toEqual(["/", "/analyses", "/moves", "/songs", "/choreography"]);
    expect(new Set(NAV_ITEMS.map((item) => item.label)).size).toBe(NAV_ITEMS.length);
  });

  it("links only paths a sign-in may return to", () => {
    for (const item of NAV_ITEMS) expect(safeNextPath(item.href, "")).toBe(item.href);
  });
});
