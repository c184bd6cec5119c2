#!/usr/bin/env node
// Runs the TypeScript sources through tsx's loader, so a checkout needs no
// build step; `npm run build` output in dist/ is for library consumers.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
