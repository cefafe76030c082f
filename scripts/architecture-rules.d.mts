/** Packages the core must never import (also any of their subpaths). */
export declare const FORBIDDEN_IN_CORE: readonly string[];
/** True when a module specifier names a forbidden package or one of its subpaths. */
export declare function isForbidden(specifier: string, forbidden?: readonly string[]): boolean;
/** One line per forbidden import under `dir`: `<file>:<line>: src/core must not import <module>`. */
export declare function findForbiddenImports(
  dir: string,
  options?: { root?: string; forbidden?: readonly string[] },
): string[];
/** Paths under src that adapters must not import (`store/` and everything under it, `app.ts`). */
export declare const FORBIDDEN_IN_BOTS: readonly string[];
/** One line per relative import under `dir` reaching a forbidden path of `src`: `<file>:<line>: src/bots must not import src/<path>`. */
export declare function findForbiddenPathImports(
  dir: string,
  options: { src: string; root?: string; forbidden?: readonly string[] },
): string[];
