// Adds lockfile entries for platform-specific optional packages the registry mirror here does not serve, so `npm ci` accepts the lock.
//
// Why: this workplace's npm registry lacks e.g. @swc/core-darwin-arm64, so `npm install` leaves such optional packages out
// of package-lock.json, and `npm ci` then refuses the lock as "out of sync". An entry with the package's os/cpu lets
// `npm ci` see the dependency as satisfied and skip it on this platform, as it does for any foreign-platform optional.
// Run after changing dependencies: `node tools/lockfile/complete-optional.js`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '../../package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('win') || parts.includes('windows') ? 'win32' : undefined);
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('arm') ? 'arm' : undefined);
  return { os, cpu };
}

let added = 0;
for (const [where, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = where === '' ? 'node_modules' : `${where}/node_modules`;
    if (packages[`${base}/${name}`] !== undefined || packages[`node_modules/${name}`] !== undefined) continue;
    const { os, cpu } = platformOf(name);
    if (os === undefined && cpu === undefined) continue; // not a platform package: leave it to npm
    const entry = { version, optional: true };
    if (pkg.dev) entry.dev = true;
    if (os !== undefined) entry.os = [os];
    if (cpu !== undefined) entry.cpu = [cpu];
    packages[`node_modules/${name}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-optional: added ${added} platform entries to package-lock.json`);
