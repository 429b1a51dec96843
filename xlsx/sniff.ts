/**
 * What kind of file the bytes are, before anything is unpacked: a zip (an .xlsx or .xlsm, or an
 * OpenDocument file), an OLE compound file holding a password-protected workbook (Office encrypts
 * an .xlsx into one, with EncryptionInfo and EncryptedPackage streams), an old .xls (a Workbook
 * or Book stream), or anything else.
 */
export type FileKind = 'zip' | 'encrypted' | 'xls' | 'compound' | 'other';

export function sniff(bytes: Uint8Array): FileKind {
  if (isZip(bytes)) return 'zip';
  if (!isCompoundFile(bytes)) return 'other';
  const names = compoundStreamNames(bytes);
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return 'compound';
}

/** Whether the bytes start like a zip file. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Whether the bytes are an OLE compound file (an encrypted workbook, an .xls, a .doc…). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 512 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  );
}

/** Whether a zip is an OpenDocument file (.ods): its mimetype entry says so. */
export function isOpenDocument(parts: { get(path: string): Uint8Array | undefined }): boolean {
  const mime = parts.get('mimetype');
  if (!mime) return false;
  return new TextDecoder().decode(mime.subarray(0, 100)).startsWith('application/vnd.oasis.opendocument');
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * The names of the entries in a compound file's directory ([MS-CFB]): the header gives the
 * sector size and where the FAT and the directory start; the FAT chains the directory's sectors.
 * A damaged file gives the names that could be read.
 */
function compoundStreamNames(bytes: Uint8Array): Set<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  const sectorSize = 1 << view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return names;
  const sectorAt = (n: number) => (n + 1) * sectorSize;
  // FAT sectors: the first 109 are listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s !== FREE) fatSectors.push(s);
  }
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < 10_000; guard++) {
    const at = sectorAt(difat);
    if (at + sectorSize > bytes.length) break;
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const s = view.getUint32(at + i * 4, true);
      if (s !== FREE) fatSectors.push(s);
    }
    difat = view.getUint32(at + sectorSize - 4, true);
  }
  const perFat = sectorSize / 4;
  const next = (sector: number): number => {
    const fat = fatSectors[Math.floor(sector / perFat)];
    if (fat === undefined) return END_OF_CHAIN;
    const at = sectorAt(fat) + (sector % perFat) * 4;
    return at + 4 <= bytes.length ? view.getUint32(at, true) : END_OF_CHAIN;
  };
  let sector = view.getUint32(0x30, true);
  const seen = new Set<number>();
  while (sector !== END_OF_CHAIN && sector !== FREE && !seen.has(sector)) {
    seen.add(sector);
    const at = sectorAt(sector);
    if (at + sectorSize > bytes.length) break;
    for (let e = 0; e < sectorSize; e += 128) {
      const length = view.getUint16(at + e + 0x40, true);
      if (length < 2 || length > 64) continue;
      let name = '';
      for (let i = 0; i < length / 2 - 1; i++)
        name += String.fromCharCode(view.getUint16(at + e + i * 2, true));
      names.add(name);
    }
    sector = next(sector);
  }
  return names;
}
