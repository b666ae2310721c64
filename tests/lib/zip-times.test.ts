import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { fixZipTimes } from '../../src/lib/zip-times.ts';

/** The DOS date and time of each entry, from the central directory and from the local headers. */
function times(zip: Uint8Array): number[][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[][] = [];
  for (let at = 0; at + 4 <= zip.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50) out.push([view.getUint16(at + 12, true), view.getUint16(at + 14, true)]);
    if (sig === 0x04034b50) out.push([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]);
  }
  return out;
}

describe('fixZipTimes', () => {
  const files = { 'a.xml': new TextEncoder().encode('<a/>'), 'dir/b.xml': new TextEncoder().encode('<b>text</b>') };

  it('gives every entry 1980-01-01 00:00, so archives made at different times are equal', () => {
    const early = zipSync(files, { mtime: new Date('2021-03-04T05:06:08') });
    const late = zipSync(files, { mtime: new Date('2029-11-12T13:14:16') });
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(false);
    fixZipTimes(early);
    fixZipTimes(late);
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(true);
    // Two entries, each in the central directory and in its local header.
    expect(times(early)).toEqual(Array.from({ length: 4 }, () => [0, 33]));
  });

  it('refuses bytes that are not a ZIP archive', () => {
    expect(() => fixZipTimes(new TextEncoder().encode('%PDF-1.7 not a zip, just some bytes long enough'))).toThrow(/not a ZIP archive/);
  });
});
