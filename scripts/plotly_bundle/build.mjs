// Builds the dashboard's plotly.js bundle with esbuild. Run through
// `python scripts/build_plotly_bundle.py`, which installs this folder's locked packages in a
// temporary folder first (see that script's docstring for the why).
//
//   node build.mjs --traces bar,choropleth,... --out FILE --notices FILE --command "..."
//
// Same options as plotly.js's own dist builds (iife exposing `Plotly`, es2016, `global` is
// `window`, no AMD), and the same stripping of the attribute meta data (descriptions, roles)
// that only the schema documentation reads. maplibre-gl's stylesheet, which plotly's registry
// requires unconditionally, is replaced by nothing: no map trace is registered, and a CSS file
// in the output would be one more request. Output bytes depend only on the locked packages
// and the arguments (no dates, no paths), so two runs give the same file.
import { build, version as esbuildVersion } from 'esbuild';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values } = parseArgs({
    options: {
        traces: { type: 'string' },
        out: { type: 'string' },
        notices: { type: 'string' },
        command: { type: 'string' }
    }
});
const traces = values.traces.split(',').map((t) => t.trim()).filter(Boolean).sort();
const plotlyRoot = path.dirname(require.resolve('plotly.js/package.json'));
const plotlyVersion = require('plotly.js/package.json').version;

for (const trace of traces) {
    require.resolve(`plotly.js/lib/${trace}`); // fails loudly on a misspelt trace type
}
// scatter comes with lib/core in every plotly.js bundle; it is listed to say so.
const entry = [
    "'use strict';",
    "var Plotly = require('plotly.js/lib/core');",
    'Plotly.register([',
    ...traces.filter((t) => t !== 'scatter').map((t) => `    require('plotly.js/lib/${t}'),`),
    ']);',
    'module.exports = Plotly;',
    ''
].join('\n');

// Attribute meta data, as plotly.js's build strips it from its dist bundles.
const META = [
    /\s*description: '.*',?/g,
    /\s*description: \[[\s\S]*?\]\.join\([\s\S]*?\),?/g,
    /\s*requiredOpts: \[[\s\S]*?\],?/g,
    /\s*otherOpts: \[[\s\S]*?\],?/g,
    /\s*role: '.*',?/g,
    /\s*hrName: '.*',?/g
];
// Work plotly.js does when its bundle is evaluated that no figure of ours needs: two lookup
// tables of ~250 countries and their ~3,000 aliases, each alias Unicode-normalised, built
// eagerly (one by country-iso-search for its default export, which plotly.js never reads,
// one by plotly.js for locationmode "country names", which our maps never use: they draw
// their own GeoJSON). Measured at about a quarter of the bundle's evaluation, which is one
// long task on every first visit. Built on first use instead: same results, later, if ever.
// Each replacement must match exactly once, so a new version of either package that moved
// the code stops the build rather than silently shipping the eager tables again.
const LAZY = [
    {
        file: /country-iso-search[\/]dist[\/]index\.cjs$/,
        edits: [
            ['var _default = createLookup(COUNTRIES);\nvar lookup = _default.lookup;\n' +
             'var lookupAlpha3 = _default.lookupAlpha3;\nvar byAlpha3 = _default.byAlpha3;\n' +
             'var byAlpha2 = _default.byAlpha2;\nvar byM49 = _default.byM49;\n',
             'var _lazyDefault;\nfunction _default() {\n' +
             '  return _lazyDefault || (_lazyDefault = createLookup(COUNTRIES));\n}\n'],
            ['  byAlpha2: () => byAlpha2,\n  byAlpha3: () => byAlpha3,\n  byM49: () => byM49,\n',
             '  byAlpha2: () => _default().byAlpha2,\n  byAlpha3: () => _default().byAlpha3,\n' +
             '  byM49: () => _default().byM49,\n'],
            ['  lookup: () => lookup,\n  lookupAlpha3: () => lookupAlpha3,\n',
             '  lookup: () => _default().lookup,\n  lookupAlpha3: () => _default().lookupAlpha3,\n']
        ]
    },
    {
        file: /plotly\.js[\/]src[\/]lib[\/]geo_location_utils\.js$/,
        edits: [
            ['const { lookupAlpha3 } = createLookup([...COUNTRIES, ...COUNTRIES_X]);\n',
             'var countryLookup;\nfunction lookupAlpha3(name) {\n' +
             '    countryLookup = countryLookup || createLookup([...COUNTRIES, ...COUNTRIES_X]);\n' +
             '    return countryLookup.lookupAlpha3(name);\n}\n']
        ]
    }
];
const madeLazy = new Set();
function makeLazy(file, code) {
    for (const { file: pattern, edits } of LAZY) {
        if (!pattern.test(file)) continue;
        madeLazy.add(pattern);
        for (const [from, to] of edits) {
            const count = code.split(from).length - 1;
            if (count !== 1) {
                throw new Error(`${file}: expected the code to make lazy once, found it ` +
                    `${count} times: ${from.split('\n')[0]}`);
            }
            code = code.replace(from, () => to);
        }
    }
    return code;
}

// Each source file as it is bundled: plotly.js's own without its attribute meta data, and the
// tables above made lazy.
const prepare = {
    name: 'prepare-sources',
    setup(b) {
        const src = path.join(plotlyRoot, 'src') + path.sep;
        b.onLoad({ filter: /\.c?js$/ }, async (args) => {
            const ours = args.path.startsWith(src);
            const lazy = LAZY.some(({ file }) => file.test(args.path));
            if (!ours && !lazy) return undefined;
            let code = await readFile(args.path, 'utf-8');
            if (ours) for (const re of META) code = code.replace(re, '');
            return { contents: makeLazy(args.path, code), loader: 'js' };
        });
    }
};

const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: 'plotly-custom.js' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'Plotly',
    target: 'es2016',
    charset: 'utf8',
    legalComments: 'none',
    define: { global: 'window', 'define.amd': 'false' },
    loader: { '.css': 'empty' },
    plugins: [prepare],
    metafile: true,
    write: false,
    logLevel: 'warning'
});

if (madeLazy.size !== LAZY.length) {
    throw new Error('a file to make lazy was not bundled: ' +
        LAZY.filter(({ file }) => !madeLazy.has(file)).map(({ file }) => file).join(', '));
}

// Licence notices of every package whose code is in the bundle (plotly.js's MIT notice
// goes in the bundle's header too).
const packages = new Map();
const [output] = Object.values(result.metafile.outputs);
for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    // maplibre-gl's stylesheet, loaded as nothing, brings no code of that package
    if (!bytesInOutput || input.endsWith('.css')) continue;
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
    if (!match) continue;
    const name = match[match.length - 1].replace(/^node_modules\//, '').replace(/\/$/, '');
    const dir = input.slice(0, input.lastIndexOf(match[match.length - 1]) +
        match[match.length - 1].length);
    packages.set(name, path.resolve(dir));
}
const sections = [];
for (const name of [...packages.keys()].sort()) {
    const dir = packages.get(name);
    const meta = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf-8'));
    let text = '';
    for (const file of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license',
        'LICENSE-MIT', 'License.md']) {
        try { text = (await readFile(path.join(dir, file), 'utf-8')).trim(); break; } catch { /* next */ }
    }
    sections.push(`== ${name} ${meta.version} (${meta.license || 'see package'})\n\n` +
        (text || `No licence file in the package; its package.json says: ${meta.license}.`));
}
await writeFile(values.notices,
    `Licences of the packages bundled in plotly-custom.min.js (plotly.js ${plotlyVersion}, ` +
    `built with esbuild ${esbuildVersion}).\n\n` + sections.join('\n\n') + '\n');

const licence = (await readFile(path.join(plotlyRoot, 'LICENSE'), 'utf-8')).trim();
const header = [
    '/*!',
    ` * plotly.js v${plotlyVersion}, custom bundle for Territoires`,
    ` * traces: ${traces.join(', ')}`,
    ` * built with esbuild ${esbuildVersion} by: ${values.command}`,
    ' * licences of the other bundled packages: plotly-custom.LICENSES.txt',
    ' *',
    ...licence.split('\n').map((line) => (' * ' + line).trimEnd()),
    ' */',
    ''
].join('\n');
await writeFile(values.out, header + result.outputFiles[0].text);
console.log(`${values.out}: ${header.length + result.outputFiles[0].contents.length} bytes, ` +
    `traces ${traces.join(', ')}`);
