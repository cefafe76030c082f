/**
 * A copy of a value as a store would give it back: through JSON, as the
 * Redis stores keep records. So a fake never hands out a record the caller
 * can change in place, and `undefined` fields vanish as they do in Redis.
 */
export function stored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Ids in the stores' shape: a letter, then lowercase letters and digits (never all digits). */
export function idMaker(letter: string, width = 9): () => string {
  let n = 0;
  return () => `${letter}${(++n).toString(36).padStart(width, '0')}`;
}
