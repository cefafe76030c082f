/** The marker `npm run build` writes last. */
export declare const STAMP: string;
/** Whether dist/ is up to date with src/ under `root`. */
export declare function buildState(root: string): 'fresh' | 'stale' | 'missing';
