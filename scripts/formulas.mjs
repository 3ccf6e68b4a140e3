// `npm run formulas`: builds the add-on and opens a formula prompt on the built dist/Code.js, loaded as
// Apps Script loads it. Type formulas as in a cell; arrays use Sheets' {1, 2; 3, 4} syntax.
//   npm run formulas                       → interactive prompt
//   npm run formulas -- '=AQL_SAMPLE(1500)' → evaluate and exit
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import vm from 'node:vm';
import { buildDist } from './build.mjs';

await buildDist();
const context = vm.createContext({});
vm.runInContext(readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8'), context, { filename: 'Code.js' });
const formulas = Object.keys(context).filter((k) => typeof context[k] === 'function' && k === k.toUpperCase());

/** Parses `=NAME(arg, ...)` where args are numbers, "text", blanks or {a, b; c, d} arrays. */
function parseFormula(text) {
  const src = text.trim().replace(/^=/, '');
  let i = 0;
  const ws = () => {
    while (/\s/.test(src[i] ?? '')) i++;
  };
  const fail = (what) => {
    throw new Error(`${what} at character ${i + 1} of "${src}"`);
  };
  function value() {
    ws();
    if (src[i] === '"') {
      let out = '';
      for (i++; i < src.length; i++) {
        if (src[i] === '"' && src[i + 1] === '"') {
          out += '"';
          i++;
        } else if (src[i] === '"') {
          i++;
          return out;
        } else out += src[i];
      }
      fail('unclosed text');
    }
    if (src[i] === '{') {
      i++;
      const rows = [[]];
      for (;;) {
        rows[rows.length - 1].push(value());
        ws();
        if (src[i] === ',') i++;
        else if (src[i] === ';') {
          i++;
          rows.push([]);
        } else if (src[i] === '}') {
          i++;
          return rows;
        } else fail('expected , ; or }');
      }
    }
    const m = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?/i.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return m[0].endsWith('%') ? Number(m[0].slice(0, -1)) / 100 : Number(m[0]);
    }
    if (/^(TRUE|FALSE)\b/i.test(src.slice(i))) {
      const t = src
        .slice(i, i + 5)
        .toUpperCase()
        .startsWith('TRUE');
      i += t ? 4 : 5;
      return t;
    }
    return ''; // an empty argument is a blank cell
  }
  const name = /^[A-Z_][A-Z0-9_]*/i.exec(src)?.[0] ?? fail('expected a function name');
  i = name.length;
  ws();
  if (src[i] !== '(') fail('expected (');
  i++;
  const args = [];
  ws();
  if (src[i] === ')') return { name: name.toUpperCase(), args };
  for (;;) {
    args.push(value());
    ws();
    if (src[i] === ',') {
      i++;
      continue;
    }
    if (src[i] === ')') {
      i++;
      break;
    }
    fail('expected , or )');
  }
  ws();
  if (i < src.length) fail('unexpected text');
  return { name: name.toUpperCase(), args };
}

function show(result) {
  if (!Array.isArray(result)) return String(result);
  return result.map((row) => row.map((cell) => (cell === '' ? '·' : String(cell))).join('\t')).join('\n');
}

function evaluate(line) {
  try {
    const { name, args } = parseFormula(line);
    if (!formulas.includes(name)) return `Unknown formula ${name}. Available: ${formulas.join(', ')}`;
    return show(context[name](...args));
  } catch (error) {
    return `#ERROR! ${error.message}`;
  }
}

const given = process.argv.slice(2);
if (given.length) {
  for (const line of given) console.log(evaluate(line));
} else {
  console.log(
    `Rework Desk formulas, running on the built add-on (dist/Code.js).\nAvailable: ${formulas.join(', ')}\nExample: =AQL_SAMPLE(1500, "II", 2.5)   (Ctrl+D to quit)`,
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  rl.prompt();
  rl.on('line', (line) => {
    if (line.trim()) console.log(evaluate(line));
    rl.prompt();
  });
}
