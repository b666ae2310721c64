// What a file that is not text is, by its first bytes: shared by every reader of text a user
// gives (CSV, content files, GIFT, case data), on the command line and in the browser.

/** What a file that is not text is, by its first bytes (`zip` is an .xlsx, a .docx or another ZIP). */
export type BinaryType = 'zip' | 'xls' | 'encrypted' | 'pdf' | 'png' | 'jpeg' | 'binary';

/** The first bytes of files a spreadsheet user may give where a CSV is expected, and what each is. */
const SIGNATURES: readonly [readonly number[], BinaryType][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'zip'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'xls'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
];

/** Each `BinaryType` in English, as the CLI's messages name it (the browser pages have their own words). */
export const BINARY_KINDS: Readonly<Record<BinaryType, string>> = {
  zip: 'an Excel workbook (.xlsx) or another ZIP archive',
  xls: 'an old Excel workbook (.xls)',
  encrypted: 'a file protected by a password (an Excel workbook or a Word document)',
  pdf: 'a PDF',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  binary: 'a binary file, not text',
};

/**
 * What a file is when it is not text (a workbook, a PDF, an image, or any file with NUL bytes
 * that is not UTF-16 with a BOM); undefined for text.
 */
export function binaryType(bytes: Uint8Array): BinaryType | undefined {
  const known = SIGNATURES.find(([sig]) => sig.every((b, i) => bytes[i] === b));
  if (known?.[1] === 'xls' && holdsEncryptedPackage(bytes)) return 'encrypted';
  if (known) return known[1];
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, 8192).includes(0) ? 'binary' : undefined;
}

const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * Whether a Compound File (the container of the old .xls and .doc) holds a stream named
 * EncryptedPackage: Office saves a workbook or document protected by a password so, whatever its
 * name (.xlsx, .docx); the stream's name is written in UTF-16 in the file's directory.
 */
export function holdsEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0]!;
  for (let at = bytes.indexOf(first); at >= 0 && at <= bytes.length - ENCRYPTED_PACKAGE.length; at = bytes.indexOf(first, at + 1)) {
    if (ENCRYPTED_PACKAGE.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

/** `binaryType` in English words ('an Excel workbook (.xlsx) or another ZIP archive'); undefined for text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const type = binaryType(bytes);
  return type && BINARY_KINDS[type];
}
