// Reads the shared scenario files under tests/scenarios/ (the same files the native tests read).

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

/** Parses `[id]` blocks of `key = value` lines; `#` starts a comment line. */
export function readScenarios(name) {
  const out = [];
  for (const raw of readFileSync(join(DIR, name), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const head = line.match(/^\[(.+)\]$/);
    if (head) {
      out.push({ id: head[1] });
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || out.length === 0) throw new Error(`${name}: bad line "${line}"`);
    out[out.length - 1][line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

/** Space-separated words, sorted. */
export const words = (s = '') => s.split(/\s+/).filter(Boolean).sort();
