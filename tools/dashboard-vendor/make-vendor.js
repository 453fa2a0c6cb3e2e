// Copies the dashboard's vendored data into src/Parley.Server/wwwroot/vendor (run by hand after `npm install`;
// the build never runs it). world-atlas: country shapes (TopoJSON); i18n-iso-countries: numeric -> alpha-3 codes.
const fs = require('fs');
const path = require('path');
const out = path.join(__dirname, '../../src/Parley.Server/wwwroot/vendor');
const nm = path.join(__dirname, 'node_modules');
fs.mkdirSync(path.join(out, 'world-atlas'), { recursive: true });
fs.mkdirSync(path.join(out, 'i18n-iso-countries'), { recursive: true });
for (const f of ['countries-110m.json', 'LICENSE']) fs.copyFileSync(path.join(nm, 'world-atlas', f), path.join(out, 'world-atlas', f));
const codes = JSON.parse(fs.readFileSync(path.join(nm, 'i18n-iso-countries', 'codes.json'), 'utf8'));
const numericToAlpha3 = {};
for (const [, alpha3, numeric] of codes) numericToAlpha3[numeric] = alpha3;
fs.writeFileSync(path.join(out, 'i18n-iso-countries', 'numeric-to-alpha3.json'), JSON.stringify(numericToAlpha3));
fs.copyFileSync(path.join(nm, 'i18n-iso-countries', 'LICENSE'), path.join(out, 'i18n-iso-countries', 'LICENSE'));
