#!/usr/bin/env node
// One-off generator, run by hand when the administrative-unit code set changes (never at build
// time): reads the vietnamese-provinces-database export and writes the compact copy the product
// bundles, src/domain/reference/admin-units.json, with the MIT licence beside it.
//
//   node scripts/build-admin-units.mjs [source.json] [LICENSE.txt]
//
// Compact form (decoded by src/domain/reference/admin-units.ts):
//   { set, source, kinds: [[kind, prefix]], provinces: [[code, name, fullName, nameEn, communes]] }
//   commune: [code, name, kindIndex] or [code, name, kindIndex, nameEn] when nameEn is not simply
//   the name without diacritics. A commune's full name is `${prefix} ${name}`.
// After writing, the script decodes its output and checks every field against the source.
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const SET = '2026-07-25';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = resolve(process.argv[2] ?? `/work/shared/domain/admin-units-${SET}.json`);
const licencePath = resolve(process.argv[3] ?? join(dirname(sourcePath), 'admin-units-LICENSE.txt'));
const outDir = join(root, 'src/domain/reference');

// Index order is part of the format: the loader reads kinds from the file, not from here.
const KINDS = [
  ['commune', 'Xã', 'Commune'],
  ['ward', 'Phường', 'Ward'],
  ['special-zone', 'Đặc khu', 'Special administrative region'],
];

// Must equal toAscii() in src/domain/rules/normalise.ts.
const toAscii = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đ]/g, 'd').replace(/[ĐÐ]/g, 'D');

function kindOf(ward) {
  const prefix = ward.FullName.slice(0, ward.FullName.length - ward.Name.length).trim();
  // The source writes one commune "xã Bắc Sơn" (06325); every other is capitalised.
  const index = KINDS.findIndex(([, vi]) => vi.toLowerCase() === prefix.toLowerCase());
  if (index < 0 || !ward.FullName.endsWith(` ${ward.Name}`))
    throw new Error(`unknown kind: ${ward.Code} ${ward.FullName}`);
  if (!ward.FullNameEn.includes(KINDS[index][2])) throw new Error(`kind mismatch: ${ward.Code} ${ward.FullNameEn}`);
  return index;
}

function encode(provinces) {
  return provinces.map((p) => [
    p.Code,
    p.Name.normalize('NFC'),
    p.FullName.normalize('NFC'),
    p.NameEn,
    p.Wards.map((w) => {
      if (w.ProvinceCode !== p.Code) throw new Error(`${w.Code} is filed under ${p.Code} but names ${w.ProvinceCode}`);
      const name = w.Name.normalize('NFC');
      const row = [w.Code, name, kindOf(w)];
      return toAscii(name) === w.NameEn ? row : [...row, w.NameEn];
    }),
  ]);
}

function serialise(data) {
  // One commune a line: small enough to bundle, readable in a diff when the code set changes.
  const provinceLines = data.provinces.map(([code, name, fullName, nameEn, communes]) => {
    const head = JSON.stringify([code, name, fullName, nameEn]).slice(0, -1);
    return `  ${head},[\n${communes.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]]`;
  });
  return (
    `{"set":${JSON.stringify(data.set)},"source":${JSON.stringify(data.source)},` +
    `"kinds":${JSON.stringify(data.kinds)},"provinces":[\n${provinceLines.join(',\n')}\n]}\n`
  );
}

function verify(written, source) {
  const data = JSON.parse(written);
  let communes = 0;
  source.forEach((p, i) => {
    const [code, name, fullName, nameEn, rows] = data.provinces[i];
    if (
      code !== p.Code ||
      name !== p.Name.normalize('NFC') ||
      fullName !== p.FullName.normalize('NFC') ||
      nameEn !== p.NameEn
    ) {
      throw new Error(`province ${p.Code} does not round-trip`);
    }
    p.Wards.forEach((w, j) => {
      const [wCode, wName, kind, wNameEn = toAscii(wName)] = rows[j];
      const wFullName = `${data.kinds[kind][1]} ${wName}`;
      const expectedFull = w.FullName.normalize('NFC').replace(/^xã /, 'Xã ');
      if (wCode !== w.Code || wName !== w.Name.normalize('NFC') || wFullName !== expectedFull || wNameEn !== w.NameEn) {
        throw new Error(`commune ${w.Code} does not round-trip`);
      }
      communes += 1;
    });
  });
  return communes;
}

const source = JSON.parse(readFileSync(sourcePath, 'utf8'));
const data = {
  set: SET,
  source: 'vietnamese-provinces-database by Thang Le Quoc (MIT licence: admin-units-LICENSE.txt)',
  kinds: KINDS.map(([kind, vi]) => [kind, vi]),
  provinces: encode(source),
};
const text = serialise(data);
const communes = verify(text, source);
writeFileSync(join(outDir, 'admin-units.json'), text);
// Written, not copied, so the copy does not inherit a read-only mode from the source.
writeFileSync(join(outDir, 'admin-units-LICENSE.txt'), readFileSync(licencePath));
process.stdout.write(
  `admin-units.json: ${source.length} provinces, ${communes} communes, ${Buffer.byteLength(text)} bytes\n`,
);
