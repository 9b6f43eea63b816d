// How a move's numbers read: energy as a level, difficulty as a word, style tags as typed by people.

import { MAX_STYLE_LENGTH, MAX_STYLES, type EnergyLevel } from "@/lib/api";
import { clamp } from "@/lib/format";

/**
 * The level a 0..100 energy reads as. The planner aims low, medium and high at 20, 50 and 80, so the cuts sit
 * halfway between.
 */
export function energyLevelOf(energy: number): EnergyLevel {
  const value = Number.isFinite(energy) ? clamp(energy, 0, 100) : 0;
  if (value < 35) return "low";
  if (value < 65) return "medium";
  return "high";
}

const energyWords: Record<EnergyLevel, string> = { low: "Low", medium: "Medium", high: "High" };

/** "High energy (84)". */
export function energyLabel(energy: number): string {
  return `${energyWords[energyLevelOf(energy)]} energy (${Math.round(Number.isFinite(energy) ? clamp(energy, 0, 100) : 0)})`;
}

export function energyLevelLabel(level: EnergyLevel): string {
  return energyWords[level];
}

export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;

const difficultyWords = ["Easiest", "Easy", "Medium", "Hard", "Hardest"];

/** "3 · Medium"; a difficulty outside 1..5 is shown as the number alone. */
export function difficultyLabel(difficulty: number): string {
  const word = Number.isInteger(difficulty) ? difficultyWords[difficulty - 1] : undefined;
  return word ? `${difficulty} · ${word}` : String(difficulty);
}

/** Tags as a person types them, "Salsa, social , salsa" → ["salsa", "social"]: the api keeps them trimmed, lower-case and unique too. */
export function parseStyleTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

/** What is wrong with the tags by the api's rules, so the form says it before sending; null when they are fine. */
export function styleTagsProblem(tags: readonly string[]): string | null {
  if (tags.length > MAX_STYLES) return `A move has at most ${MAX_STYLES} style tags.`;
  const long = tags.find((tag) => tag.length > MAX_STYLE_LENGTH);
  return long ? `"${long.slice(0, 12)}…" is longer than ${MAX_STYLE_LENGTH} characters.` : null;
}
