// The Apps Script manifest: read from the checked-in appsscript.json and refused if it asks for more than it should.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const MANIFEST_SOURCE = path.resolve(__dirname, '../../appsscript.json');

// Least privilege: the current spreadsheet only, and the container UI (menu, sidebar, dialogs). Nothing else.
export const OAUTH_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
] as const;

/** The manifest text for dist/, after checking the runtime and that the scopes are exactly the least-privilege ones. */
export function manifestText(source = MANIFEST_SOURCE): string {
  const manifest = JSON.parse(fs.readFileSync(source, 'utf8')) as { runtimeVersion?: unknown; oauthScopes?: unknown };
  if (manifest.runtimeVersion !== 'V8') throw new Error('appsscript.json: runtimeVersion must be "V8" (the bundle is ES2019)');
  const scopes = JSON.stringify(manifest.oauthScopes);
  if (scopes !== JSON.stringify(OAUTH_SCOPES)) {
    throw new Error(`appsscript.json: oauthScopes must be exactly ${JSON.stringify(OAUTH_SCOPES)}, not ${scopes}`);
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
