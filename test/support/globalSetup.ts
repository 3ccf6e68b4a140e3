// Bundle tests read dist/Code.js: build it once before any test file runs.
// @ts-expect-error: a plain .mjs script without type declarations.
import { buildDist } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildDist();
}
