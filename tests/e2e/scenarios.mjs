// Reads the shared scenario packs under tests/scenarios/ (the same files the native tests read; the
// one scenario format of README "Scenario packs").

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

/**
 * The scenarios of a pack, each with its expected answer in the words of the DOM contract:
 * `query` (the facts), `platform` (the key; empty when nothing fits), `capacity`, `deploy`, and
 * `extras`, `ruled_out`, `viable` as space-separated words.
 */
export function readScenarios(name) {
  const pack = JSON.parse(readFileSync(join(DIR, name), 'utf8'));
  if (pack.v !== 1 || !Array.isArray(pack.scenarios)) throw new Error(`${name}: not a version 1 scenario pack`);
  return pack.scenarios.map((s) => {
    const e = s.expect ?? {};
    return {
      id: s.id,
      title: s.title,
      query: s.facts,
      platform: s.key ?? '',
      capacity: e.capacity ?? '',
      deploy: e.deploy ?? '',
      extras: (e.extras ?? []).join(' '),
      ruled_out: (e.ruled_out ?? []).join(' '),
      viable: (e.viable ?? []).join(' '),
    };
  });
}

/** Space-separated words, sorted. */
export const words = (s = '') => s.split(/\s+/).filter(Boolean).sort();
