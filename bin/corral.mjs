#!/usr/bin/env node
// A git checkout runs its TypeScript sources through tsx's loader, so
// development needs no build step; an installed package runs the compiled
// dist/, so the arbiter and the workers of a JavaScript app load no
// TypeScript loader at all (measured with a hello app, 2 workers: 56 MB RSS
// per worker and for the arbiter, against 83-94 MB with tsx).
import { existsSync } from 'node:fs';

const checkout = existsSync(new URL('../.git', import.meta.url)) && existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (checkout || !existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  await import('../dist/cli/main.js');
}
