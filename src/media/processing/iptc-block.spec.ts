import { createHash } from 'node:crypto';
import { readIptcBlock } from './iptc-block.js';

function dataset(record: number, number: number, value: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, number, 0, 0]);
  head.writeUInt16BE(value.length, 3);
  return Buffer.concat([head, value]);
}

function resource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.write('8BIM', 0, 'latin1');
  head.writeUInt16BE(id, 4);
  // empty Pascal name, padded to even length
  head.writeUInt32BE(data.length, 8);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

const utf8Iim = Buffer.concat([dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])), dataset(2, 110, Buffer.from('路透社'))]);
const photoshop = (...resources: Buffer[]) => Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), ...resources]);
const md5 = (b: Buffer) => createHash('md5').update(b).digest();

describe('readIptcBlock', () => {
  it('sees the UTF-8 declaration and no digest', () => {
    expect(readIptcBlock(photoshop(resource(0x0404, utf8Iim)))).toEqual({ utf8Declared: true, digest: 'absent' });
  });

  it('compares the stored digest with the IIM', () => {
    expect(readIptcBlock(photoshop(resource(0x0404, utf8Iim), resource(0x0425, md5(utf8Iim)))).digest).toBe('match');
    expect(readIptcBlock(photoshop(resource(0x0425, md5(Buffer.from('older'))), resource(0x0404, utf8Iim))).digest).toBe('mismatch');
  });

  it('reports no UTF-8 declaration when record 1:90 is absent', () => {
    expect(readIptcBlock(photoshop(resource(0x0404, dataset(2, 110, Buffer.from('AP')))))).toEqual({ utf8Declared: false, digest: 'absent' });
  });

  it('survives missing and truncated blocks', () => {
    expect(readIptcBlock(undefined)).toEqual({ utf8Declared: false, digest: 'absent' });
    expect(readIptcBlock(photoshop(resource(0x0404, utf8Iim)).subarray(0, 30))).toEqual({ utf8Declared: false, digest: 'absent' });
    expect(readIptcBlock(Buffer.from('garbage'))).toEqual({ utf8Declared: false, digest: 'absent' });
  });
});
