/**
 * The date and time every entry of a ZIP archive (an XLSX workbook) is given: the ZIP format's
 * own epoch, 1980-01-01 00:00, as tools for reproducible builds write it. write-excel-file's
 * zipper stamps each entry with the moment it was written, so the same sources gave different
 * bytes on every build: the offline cache fetched the workbooks again and the PDF cache could not
 * tell them equal. Spreadsheet programs do not show these times.
 */
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Sets the modification time of every entry of a ZIP archive, in its central directory and in
 * each local header, to 1980-01-01 00:00, in place. Nothing else changes: the times are not part
 * of the CRC, the sizes or the offsets.
 * @param zip The archive's bytes.
 * @returns The same array.
 * @throws when the bytes are not a ZIP archive this function can read (no end record, a header
 * signature where none is), so a changed zipper is found by the tests, not shipped.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end of central directory record: 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory record');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error(`ZIP central directory entry ${i + 1} has no header signature`);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`ZIP entry ${i + 1} has no local header signature`);
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
