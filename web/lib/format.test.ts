import { describe, expect, it } from "vitest";
import { formatBpm, formatBytes, formatClock, formatFraction, formatModel, formatScore, formatSeconds, humanize } from "./format";

describe("formatBytes", () => {
  it("uses binary units like the api's limits", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(30 * 1024 ** 2)).toBe("30 MiB");
    expect(formatBytes(2 * 1024 ** 3)).toBe("2 GiB");
  });
});

describe("formatClock", () => {
  it("reads like a player's clock", () => {
    expect(formatClock(7.9)).toBe("0:07");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatClock(Number.NaN)).toBe("—");
  });
});

describe("formatSeconds", () => {
  it("keeps tenths for short waits and minutes for long ones", () => {
    expect(formatSeconds(0.42)).toBe("0.4 s");
    expect(formatSeconds(8)).toBe("8 s");
    expect(formatSeconds(42.4)).toBe("42 s");
    expect(formatSeconds(185)).toBe("3 min 5 s");
    expect(formatSeconds(120)).toBe("2 min");
    expect(formatSeconds(null)).toBe("—");
  });
});

describe("scores", () => {
  it("shows fractions as clamped percentages and scores as whole numbers", () => {
    expect(formatFraction(0.857)).toBe("86%");
    expect(formatFraction(1.2)).toBe("100%");
    expect(formatScore(72.4)).toBe("72");
    expect(formatScore(-3)).toBe("0");
  });

  it("shows no tempo as a dash, since the api sends 0 or null without a beat", () => {
    expect(formatBpm(118.4)).toBe("118 BPM");
    expect(formatBpm(0)).toBe("—");
    expect(formatBpm(null)).toBe("—");
  });
});

describe("names", () => {
  it("spells models and snake_case names for people", () => {
    expect(formatModel("movenet-thunder")).toBe("MoveNet Thunder");
    expect(formatModel("new-model")).toBe("new-model");
    expect(humanize("left_arm")).toBe("Left arm");
    expect(humanize("pose-estimation")).toBe("Pose estimation");
  });
});
