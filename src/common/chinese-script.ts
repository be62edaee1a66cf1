// Traditional → simplified folding (opencc-js), shared by slugs, search and the importer.
import * as OpenCC from 'opencc-js';

type TextConverter = (text: string) => string;
// opencc-js's bundled declarations use extensionless relative imports that NodeNext resolution
// cannot follow, so its types arrive unresolved; this is the shape its docs promise.
const makeConverter = OpenCC.Converter as unknown as (options: { from: string; to: string }) => TextConverter;

let hongKongThenTaiwan: TextConverter | undefined;
let simplifiedToTraditional: TextConverter | undefined;

/**
 * Folds traditional characters (Hong Kong and Taiwan variants) to simplified. Built lazily because
 * opencc builds its tries at construction time; simplified text passes through unchanged.
 */
export function toSimplified(text: string): string {
  if (!hongKongThenTaiwan) {
    const fromHongKong = makeConverter({ from: 'hk', to: 'cn' });
    const fromTaiwan = makeConverter({ from: 'tw', to: 'cn' });
    hongKongThenTaiwan = (input) => fromTaiwan(fromHongKong(input));
  }
  return hongKongThenTaiwan(text);
}

/** Simplified → OpenCC's standard traditional. */
export function toTraditional(text: string): string {
  simplifiedToTraditional ??= makeConverter({ from: 'cn', to: 't' });
  return simplifiedToTraditional(text);
}
