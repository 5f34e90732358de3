import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The seed sits in ../shared beside the repository (also in CI's clean clone). */
export const SEED_PATH = join(__dirname, "..", "..", "..", "shared", "seeds", "000_c7a4fc6abd8aad4e.txt");

export function readSeed(): string {
  if (!existsSync(SEED_PATH)) throw new Error(`seed not found at ${SEED_PATH}: the tests need ../shared beside the repository`);
  return readFileSync(SEED_PATH, "utf8");
}

export const withoutSpace = (s: string) => s.replace(/\s+/g, "");
