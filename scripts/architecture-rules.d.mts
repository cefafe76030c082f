/** Packages the core must never import (also any of their subpaths). */
export declare const FORBIDDEN_IN_CORE: readonly string[];
/** True when a module specifier names a forbidden package or one of its subpaths. */
export declare function isForbidden(specifier: string, forbidden?: readonly string[]): boolean;
/** One line per forbidden import under `dir`: `<file>:<line>: src/core must not import <module>`. */
export declare function findForbiddenImports(
  dir: string,
  options?: { root?: string; forbidden?: readonly string[] },
): string[];
