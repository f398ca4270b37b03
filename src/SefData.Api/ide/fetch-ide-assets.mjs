// Fetches GraphiQL's browser files into a folder so the API can serve the IDE without internet access.
// Usage: node fetch-ide-assets.mjs <output folder>
// The versions and sha384 hashes come from the engine's manifest (src/SefData.GraphQL/Http/graphiql-assets.json);
// each package is downloaded with `npm pack` (so npm's registry settings and mirrors apply), the one file needed is
// extracted and checked against its hash, and only a complete, verified set is moved into place.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = resolve(process.argv[2] ?? join(here, 'assets'));
const manifest = JSON.parse(readFileSync(join(here, '../../SefData.GraphQL/Http/graphiql-assets.json'), 'utf8'));

const work = mkdtempSync(join(tmpdir(), 'sefdata-ide-'));
mkdirSync(dirname(output), { recursive: true });
// Staged next to the output so the final rename stays on one file system.
const staging = mkdtempSync(output + '.partial-');
try {
  const packed = new Map();
  for (const asset of manifest.assets) {
    const spec = `${asset.package}@${asset.version}`;
    if (!packed.has(spec)) {
      const unpacked = join(work, spec);
      mkdirSync(unpacked);
      const tarball = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', unpacked], { encoding: 'utf8' })
        .trim().split('\n').pop();
      execFileSync('tar', ['-xzf', join(unpacked, tarball), '-C', unpacked]);
      packed.set(spec, join(unpacked, 'package'));
    }
    const content = readFileSync(join(packed.get(spec), asset.path));
    const integrity = 'sha384-' + createHash('sha384').update(content).digest('base64');
    if (integrity !== asset.integrity) {
      throw new Error(`${spec}/${asset.path}: hash ${integrity} does not match the manifest's ${asset.integrity}`);
    }
    const target = join(staging, spec, asset.path.split('/').pop());
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  rmSync(output, { recursive: true, force: true });
  renameSync(staging, output);
  console.log(`GraphiQL files verified and written to ${output}`);
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}
