import type { CoreLogger } from '../ports/logger.port.ts';
import {
  type FaqAnswerBase,
  type FaqOverride,
  type FaqOverrideSnapshot,
  type FaqOverrideStore,
  type FaqPort,
  faqOverrideSchema,
} from './faq.port.ts';
import type { FaqEntry } from './faq-entry.ts';
import { FaqIndex } from './faq-index.ts';

// why: each cached index is ~100 kB; 200 communities with their own edits stay well under 50 MB
const MAX_CACHED = 200;

/** Applies a community's overrides to the shipped entries; entries come back sorted by id. */
export function applyOverrides(
  shipped: ReadonlyMap<string, FaqEntry>,
  overrides: ReadonlyMap<string, FaqOverride>,
): FaqEntry[] {
  const out = new Map(shipped);
  for (const [id, o] of overrides) {
    if (o.kind === 'hidden') out.delete(id);
    else out.set(id, { ...o.entry, id });
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The FAQ port: shipped entries plus each community's overrides from the
 * store, with one index per community cached by version. Asking costs one
 * version read; when another process (or this one) changed the community's
 * FAQ, the index is rebuilt once, concurrent askers sharing the rebuild.
 */
export class FaqCatalog implements FaqPort {
  readonly shipped: ReadonlyMap<string, FaqEntry>;
  private readonly defaults: FaqAnswerBase;
  private readonly cache = new Map<string, FaqAnswerBase>();
  private readonly building = new Map<string, Promise<FaqAnswerBase>>();

  constructor(
    entries: readonly FaqEntry[],
    readonly overrides: FaqOverrideStore,
    private readonly logger?: CoreLogger,
  ) {
    this.shipped = new Map(entries.map((e) => [e.id, e]));
    this.defaults = {
      version: 0,
      index: new FaqIndex([...entries].sort((a, b) => a.id.localeCompare(b.id))),
      overridden: new Set(),
      hidden: new Set(),
    };
  }

  async current(communityId: string): Promise<FaqAnswerBase> {
    const version = await this.overrides.version(communityId);
    if (version === 0) return this.defaults;
    const cached = this.cache.get(communityId);
    if (cached && cached.version === version) {
      this.cache.delete(communityId); // re-insert: the Map's order doubles as least-recently-used
      this.cache.set(communityId, cached);
      return cached;
    }
    const key = `${communityId}\n${version}`;
    const pending = this.building.get(key);
    if (pending) return pending;
    const build = this.overrides
      .load(communityId)
      .then((snapshot) => this.remember(communityId, this.build(communityId, snapshot)))
      .finally(() => this.building.delete(key));
    this.building.set(key, build);
    return build;
  }

  private remember(communityId: string, base: FaqAnswerBase): FaqAnswerBase {
    const cached = this.cache.get(communityId);
    if (cached && cached.version > base.version) return cached;
    this.cache.delete(communityId);
    this.cache.set(communityId, base);
    if (this.cache.size > MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return base;
  }

  private build(communityId: string, snapshot: FaqOverrideSnapshot): FaqAnswerBase {
    const valid = new Map<string, FaqOverride>();
    for (const [id, raw] of snapshot.overrides) {
      const parsed = faqOverrideSchema.safeParse(raw);
      if (parsed.success) valid.set(id, parsed.data);
      else this.logger?.warn({ communityId, id }, 'ignoring an unreadable FAQ override');
    }
    const hidden = new Set(
      [...valid].filter(([id, o]) => o.kind === 'hidden' && this.shipped.has(id)).map(([id]) => id),
    );
    return {
      version: snapshot.version,
      index: new FaqIndex(applyOverrides(this.shipped, valid)),
      overridden: new Set(valid.keys()),
      hidden,
    };
  }
}
