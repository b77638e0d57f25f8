// The playground's browser assets: the grid page and the google.script.run shim, bundled with esbuild once per server.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const WEB = path.join(__dirname, 'web');

async function bundle(entry: string): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [path.join(WEB, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
  });
  // Inline in <script>: a closing tag inside the code must not end the element.
  return r.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
}

export interface Assets {
  /** The grid page. */
  page: string;
  /** `<script>` defining google.script.run, to put at the top of the sidebar's <head>. */
  shimTag: string;
}

export async function buildAssets(): Promise<Assets> {
  const [pageJs, shimJs] = await Promise.all([bundle('grid.ts'), bundle('shim.ts')]);
  const css = fs.readFileSync(path.join(WEB, 'page.css'), 'utf8');
  const page = fs
    .readFileSync(path.join(WEB, 'index.html'), 'utf8')
    .replace(/^<!--[^\n]*-->\s*\n/, '')
    .replace('/*PAGE_CSS*/', () => css)
    .replace('/*PAGE_JS*/', () => pageJs);
  return { page, shimTag: `<script>${shimJs}</script>` };
}

/** The sidebar HTML the add-on showed, with the shim injected before any of its own scripts. */
export function withShim(sidebarHtml: string, shimTag: string): string {
  const head = /<head[^>]*>/i.exec(sidebarHtml);
  if (head === null) return `${shimTag}${sidebarHtml}`;
  const at = head.index + head[0].length;
  return `${sidebarHtml.slice(0, at)}${shimTag}${sidebarHtml.slice(at)}`;
}
