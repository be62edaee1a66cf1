// Content-coding for cached public responses: brotli or gzip when the client accepts them, computed
// once per held response (see CachedResponse.encoded) and served as stored bytes from then on.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

export type Coding = 'br' | 'gzip' | 'identity';

const CODINGS: Coding[] = ['br', 'gzip', 'identity'];
/** Below this a compressed body saves less than its headers and the CPU cost. */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/** negotiator 1.x takes a tie-break order; its published types (for 0.6) do not say so yet. */
interface PreferringNegotiator {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
}

// Clients send a handful of distinct Accept-Encoding values: remember the answer for each rather
// than parsing q-values on every request. Bounded, so odd values cannot grow it.
const chosen = new Map<string, Coding>();
const MAX_REMEMBERED = 64;

/** The coding to answer with for this Accept-Encoding (RFC 9110 §12.5.3, q-values honoured). */
export function preferredCoding(acceptEncoding: string | string[] | undefined): Coding {
  if (acceptEncoding === undefined || acceptEncoding === '') return 'identity';
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(', ') : acceptEncoding;
  let coding = chosen.get(header);
  if (coding === undefined) {
    // Among codings the client rates equally, the smaller one (brotli) wins, whatever their order.
    const negotiator = new Negotiator({ headers: { 'accept-encoding': header } }) as unknown as PreferringNegotiator;
    coding = (negotiator.encoding(CODINGS, { preferred: CODINGS }) as Coding | undefined) ?? 'identity';
    if (chosen.size >= MAX_REMEMBERED) chosen.clear();
    chosen.set(header, coding);
  }
  return coding;
}

/**
 * Brotli at quality 5 and gzip at level 6: within a few percent of their best ratios on JSON and XML
 * at a fraction of the time (quality 11 costs milliseconds per story), paid once per held response.
 */
export function compress(body: Buffer, coding: Exclude<Coding, 'identity'>): Buffer {
  if (coding === 'br')
    return brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
  return gzipSync(body, { level: 6 });
}
