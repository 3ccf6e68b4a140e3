// Builds dist/ — exactly what `clasp push` sends: appsscript.json and Code.js (and, later, HTML).
// Code.js = one top-level stub per public function (name, parameters, JSDoc for autocomplete),
// then the bundle, whose `global.NAME = ...` assignments replace the stubs at load time.
import { build } from 'esbuild';
import gasEntry from 'gas-entry-generator';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

/**
 * The custom functions' JSDoc, read from the entry's source, so the help dialog shows the same
 * words as autocomplete: name, summary, parameters (optional in brackets) and what it returns.
 */
export function formulaDocs(source) {
  const block = /\/\*\*\s*\n\s*\*\s*@preserve\n([\s\S]*?)\*\/\s*\nglobal\.(\w+) = function/g;
  const docs = [];
  for (const [, body, name] of source.matchAll(block)) {
    if (!body.includes('@customfunction')) continue;
    const lines = body
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, ''))
      .filter(Boolean);
    const summary = lines.filter((l) => !l.startsWith('@')).join(' ');
    const params = lines
      .filter((l) => l.startsWith('@param'))
      .map((l) => {
        const [, optional, param, description] = /^@param \{[^}]+\} (\[)?(\w+)\]? (.*)$/.exec(l);
        return { name: param, optional: Boolean(optional), description };
      });
    const returns = /^@return \{[^}]+\} (.*)$/.exec(lines.find((l) => l.startsWith('@return')) ?? '')?.[1] ?? '';
    docs.push({ name, summary, params, returns });
  }
  return docs;
}

export async function buildCode() {
  const entry = `${root}src/server/main.ts`;
  const options = {
    define: { __FORMULA_DOCS__: JSON.stringify(formulaDocs(await readFile(entry, 'utf8'))) },
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  };
  // Two passes: a readable one, whose kept JSDoc and parameter names make the stubs, and a
  // minified one that runs. At load the minified functions replace the stubs; Apps Script lists
  // the functions and autocomplete reads the JSDoc from the stubs alone.
  const readable = (await build({ ...options, legalComments: 'inline' })).outputFiles[0].text;
  // UTF-8 as it is: \u escapes would double the size of the tables' arrows.
  const compact = (await build({ ...options, legalComments: 'none', minify: true, charset: 'utf8' })).outputFiles[0].text;
  const { entryPointFunctions } = gasEntry.generate(readable, { comment: true });
  const stubs = entryPointFunctions
    .replace(/^\/\/ src\/.*\n/gm, '')
    .replace(/^(\s*\/\*\*?)\s*@preserve\s*/gm, '$1 ')
    .replace(/^\s*\*\s*@preserve\s*\n/gm, '')
    .replace(/\/\*\* \n/g, '/**\n')
    .replace(/^[ \t]+\*/gm, ' *');
  // Not first in the file any more, so the directive would only be a stray string.
  const body = passBuiltins(compact.replace(/^"use strict";\n?/, ''));
  return ['// Rework Desk. Built from src/ by scripts/build.mjs: edit the sources, not this file.', stubs, 'var global = this;', body].join(
    '\n',
  );
}

// The bundle reads the built-ins it uses through IIFE parameters: inside node:vm (tests, the local
// preview, benchmarks) every read of a global crosses the context's interceptor, about 100 times
// the cost of a local; in Apps Script it changes nothing.
const BUILTINS = ['Math', 'Number', 'String', 'Array', 'Object', 'Map', 'Set', 'Error', 'JSON', 'Date', 'RegExp'];
function passBuiltins(iife) {
  const open = /^\(\(\)\s*=>\s*\{/;
  const close = /\}\)\(\);\s*$/;
  if (!open.test(iife) || !close.test(iife)) throw new Error('build: esbuild output is not the expected IIFE');
  const names = BUILTINS.join(',');
  return `((${names})=>{${iife.replace(open, '').replace(close, '')}})(${names});\n`;
}

/**
 * dist/Sidebar.html: one self-contained page — the sidebar's TypeScript bundled and inlined with
 * its CSS, so the sidebar makes no request of its own.
 */
export async function buildSidebar() {
  const script = (
    await build({
      entryPoints: [`${root}sidebar/main.ts`],
      bundle: true,
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      minify: true,
      charset: 'utf8',
      write: false,
      logLevel: 'warning',
    })
  ).outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = await readFile(`${root}sidebar/styles.css`, 'utf8');
  const page = await readFile(`${root}sidebar/index.html`, 'utf8');
  return page.replace('/*STYLE*/', () => css.trim()).replace('/*SCRIPT*/', () => script.trim());
}

export async function buildDist() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await writeFile(`${dist}Code.js`, await buildCode());
  await writeFile(`${dist}Sidebar.html`, await buildSidebar());
  await copyFile(`${root}appsscript.json`, `${dist}appsscript.json`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDist();
