// The package's version, for Hello.implementation and PoolStatus.implementation.
import { readFileSync } from 'node:fs';

let packageVersion: string | undefined;

/** `name/version`, the version read once from package.json ("0.0.0" if it cannot be read). */
export function implementation(name: string): string {
  if (packageVersion === undefined) {
    try {
      // src/transport/ and dist/transport/ are both two levels below the package root.
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      packageVersion = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      packageVersion = '0.0.0';
    }
  }
  return `${name}/${packageVersion}`;
}
