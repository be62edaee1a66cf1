// Reads two facts exifr does not report from the Photoshop APP13 block that carries IPTC-IIM in
// JPEGs: whether the IIM text declares UTF-8 (record 1:90 = ESC % G), and whether the stored
// IPTCDigest still matches the IIM (Metadata Working Group: a match means XMP and IIM are in sync).
import { createHash } from 'node:crypto';

export type DigestState = 'match' | 'mismatch' | 'absent';

export interface IptcBlockFacts {
  utf8Declared: boolean;
  digest: DigestState;
}

const PHOTOSHOP_HEADER = 'Photoshop 3.0\0';
const IPTC_NAA = 0x0404;
const IPTC_DIGEST = 0x0425;
const UTF8_ESCAPE = Buffer.from([0x1b, 0x25, 0x47]);

export const NO_IPTC_BLOCK: IptcBlockFacts = { utf8Declared: false, digest: 'absent' };

/** `block` is sharp's `metadata().iptc` (the APP13 payload); anything unreadable yields no facts. */
export function readIptcBlock(block: Buffer | undefined): IptcBlockFacts {
  if (!block) return NO_IPTC_BLOCK;
  const resources = photoshopResources(block);
  const iim = resources.get(IPTC_NAA);
  if (!iim) return NO_IPTC_BLOCK;
  const stored = resources.get(IPTC_DIGEST);
  const digest: DigestState =
    !stored || stored.length !== 16 ? 'absent' : createHash('md5').update(iim).digest().equals(stored) ? 'match' : 'mismatch';
  return { utf8Declared: declaresUtf8(iim), digest };
}

function photoshopResources(block: Buffer): Map<number, Buffer> {
  const found = new Map<number, Buffer>();
  let at = block.subarray(0, PHOTOSHOP_HEADER.length).toString('latin1') === PHOTOSHOP_HEADER ? PHOTOSHOP_HEADER.length : 0;
  while (at + 12 <= block.length && block.toString('latin1', at, at + 4) === '8BIM') {
    const id = block.readUInt16BE(at + 4);
    const nameLength = block[at + 6];
    const sizeAt = at + 6 + nameLength + 1 + ((nameLength + 1) % 2);
    if (sizeAt + 4 > block.length) break;
    const size = block.readUInt32BE(sizeAt);
    const dataAt = sizeAt + 4;
    if (dataAt + size > block.length) break;
    if (!found.has(id)) found.set(id, block.subarray(dataAt, dataAt + size));
    at = dataAt + size + (size % 2);
  }
  return found;
}

function declaresUtf8(iim: Buffer): boolean {
  let at = 0;
  while (at + 5 <= iim.length && iim[at] === 0x1c) {
    const record = iim[at + 1];
    const dataset = iim[at + 2];
    const length = iim.readUInt16BE(at + 3);
    // Extended datasets (length's top bit set) don't occur in record 1; stop rather than guess.
    if (length & 0x8000) return false;
    if (record === 1 && dataset === 90) return iim.subarray(at + 5, at + 5 + length).equals(UTF8_ESCAPE);
    if (record > 1) return false;
    at += 5 + length;
  }
  return false;
}
