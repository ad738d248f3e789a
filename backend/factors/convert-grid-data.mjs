// Converts the grid data shipped in the npm package @tgwf/co2 into GreenLedger factor datasets
// (schema: docs/factors.md). Reads only the installed package; writes, in
// backend/core/src/main/resources/factors/:
//   ember-country-yearly.csv (+ .dataset.properties)          Ember yearly average intensity by country
//   electricitymaps-zone-yearly.csv (+ .dataset.properties)   Electricity Maps yearly zone data
// and then validates every factor CSV in that folder it knows about (including ewif.csv).
// Output is deterministic: rows sorted, numbers as plain decimals, no timestamps.
// Usage: cd backend/factors && npm ci && node convert-grid-data.mjs

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { averageIntensity, electricityMaps } from '@tgwf/co2/data';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'core', 'src', 'main', 'resources', 'factors');
const pkg = JSON.parse(readFileSync(join(here, 'node_modules', '@tgwf', 'co2', 'package.json'), 'utf8'));
const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).devDependencies['@tgwf/co2'];
if (pinned !== pkg.version) throw new Error(`installed @tgwf/co2 ${pkg.version} differs from the pinned ${pinned}: run npm ci`);
const PKG = `${pkg.name} ${pkg.version}`;
const PKG_URL = `https://www.npmjs.com/package/${pkg.name}/v/${pkg.version}`;
// Date the package data was taken into GreenLedger. Fixed so that re-runs give identical files;
// set RETRIEVED=YYYY-MM-DD when converting a new package version.
const RETRIEVED = process.env.RETRIEVED ?? '2026-11-22';
if (!/^\d{4}-\d{2}-\d{2}$/.test(RETRIEVED)) throw new Error(`RETRIEVED must be YYYY-MM-DD: ${RETRIEVED}`);

const HEADER = ['kind', 'key', 'region', 'value', 'unit', 'valid_from', 'valid_to', 'source', 'notes'];
// Units per kind, as listed in docs/factors.md.
const UNITS = {
  GRID_INTENSITY: 'gCO2e/kWh', GRID_RENEWABLE_SHARE: '%', GRID_CARBON_FREE_SHARE: '%', EWIF: 'L/kWh',
  PUE: 'ratio', WUE: 'L/kWh', CPU_POWER_MIN: 'W/vCPU', CPU_POWER_MAX: 'W/vCPU',
  ACCELERATOR_POWER_IDLE: 'W', ACCELERATOR_POWER_MAX: 'W', MEMORY_ENERGY: 'kWh/GBh',
  STORAGE_ENERGY: 'Wh/TBh', NETWORK_ENERGY: 'kWh/GB', REPLICATION_FACTOR: 'ratio', EMBODIED: 'kgCO2e',
  LIFESPAN: 'years', USE_SHARE: 'ratio', SPEND_INTENSITY: 'kgCO2e/USD',
};

// ISO 3166-1 alpha-3 -> alpha-2 (all 249 officially assigned codes), plus XKX -> XK for Kosovo
// (user-assigned code used by Ember and Electricity Maps; not an official ISO code).
const ISO3_TO_ISO2 = Object.fromEntries(`
ABW:AW AFG:AF AGO:AO AIA:AI ALA:AX ALB:AL AND:AD ARE:AE ARG:AR ARM:AM ASM:AS ATA:AQ ATF:TF
ATG:AG AUS:AU AUT:AT AZE:AZ BDI:BI BEL:BE BEN:BJ BES:BQ BFA:BF BGD:BD BGR:BG BHR:BH BHS:BS
BIH:BA BLM:BL BLR:BY BLZ:BZ BMU:BM BOL:BO BRA:BR BRB:BB BRN:BN BTN:BT BVT:BV BWA:BW CAF:CF
CAN:CA CCK:CC CHE:CH CHL:CL CHN:CN CIV:CI CMR:CM COD:CD COG:CG COK:CK COL:CO COM:KM CPV:CV
CRI:CR CUB:CU CUW:CW CXR:CX CYM:KY CYP:CY CZE:CZ DEU:DE DJI:DJ DMA:DM DNK:DK DOM:DO DZA:DZ
ECU:EC EGY:EG ERI:ER ESH:EH ESP:ES EST:EE ETH:ET FIN:FI FJI:FJ FLK:FK FRA:FR FRO:FO FSM:FM
GAB:GA GBR:GB GEO:GE GGY:GG GHA:GH GIB:GI GIN:GN GLP:GP GMB:GM GNB:GW GNQ:GQ GRC:GR GRD:GD
GRL:GL GTM:GT GUF:GF GUM:GU GUY:GY HKG:HK HMD:HM HND:HN HRV:HR HTI:HT HUN:HU IDN:ID IMN:IM
IND:IN IOT:IO IRL:IE IRN:IR IRQ:IQ ISL:IS ISR:IL ITA:IT JAM:JM JEY:JE JOR:JO JPN:JP KAZ:KZ
KEN:KE KGZ:KG KHM:KH KIR:KI KNA:KN KOR:KR KWT:KW LAO:LA LBN:LB LBR:LR LBY:LY LCA:LC LIE:LI
LKA:LK LSO:LS LTU:LT LUX:LU LVA:LV MAC:MO MAF:MF MAR:MA MCO:MC MDA:MD MDG:MG MDV:MV MEX:MX
MHL:MH MKD:MK MLI:ML MLT:MT MMR:MM MNE:ME MNG:MN MNP:MP MOZ:MZ MRT:MR MSR:MS MTQ:MQ MUS:MU
MWI:MW MYS:MY MYT:YT NAM:NA NCL:NC NER:NE NFK:NF NGA:NG NIC:NI NIU:NU NLD:NL NOR:NO NPL:NP
NRU:NR NZL:NZ OMN:OM PAK:PK PAN:PA PCN:PN PER:PE PHL:PH PLW:PW PNG:PG POL:PL PRI:PR PRK:KP
PRT:PT PRY:PY PSE:PS PYF:PF QAT:QA REU:RE ROU:RO RUS:RU RWA:RW SAU:SA SDN:SD SEN:SN SGP:SG
SGS:GS SHN:SH SJM:SJ SLB:SB SLE:SL SLV:SV SMR:SM SOM:SO SPM:PM SRB:RS SSD:SS STP:ST SUR:SR
SVK:SK SVN:SI SWE:SE SWZ:SZ SXM:SX SYC:SC SYR:SY TCA:TC TCD:TD TGO:TG THA:TH TJK:TJ TKL:TK
TKM:TM TLS:TL TON:TO TTO:TT TUN:TN TUR:TR TUV:TV TWN:TW TZA:TZ UGA:UG UKR:UA UMI:UM URY:UY
USA:US UZB:UZ VAT:VA VCT:VC VEN:VE VGB:VG VIR:VI VNM:VN VUT:VU WLF:WF WSM:WS YEM:YE ZAF:ZA
ZMB:ZM ZWE:ZW
XKX:XK
`.trim().split(/\s+/).map((pair) => pair.split(':')));

// Ember rows that are regions or country groups, not countries: left out (not keyable by ISO code).
const EMBER_AGGREGATES = new Set(['AFRICA', 'ASEAN', 'ASIA', 'EU', 'EUROPE', 'G20', 'G7',
  'LATIN AMERICA AND CARIBBEAN', 'MIDDLE EAST', 'NORTH AMERICA', 'OCEANIA', 'OECD', 'WORLD']);

/** A number as a plain decimal (no exponent, no trailing zeros); fails rather than round. */
function fmt(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  let s = v.toFixed(6).replace(/\.?0+$/, '');
  if (s === '' || s === '-0') s = '0';
  if (Number(s) !== v) throw new Error(`value ${v} needs more than 6 decimals`);
  return s;
}

function csvField(s) {
  s = String(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function compareRows(a, b) {
  for (const i of [0, 1, 5]) { // kind, key, valid_from
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

function writeCsv(name, rows) {
  rows.sort(compareRows);
  const text = [HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
  writeFileSync(join(outDir, name), text, 'utf8');
}

function writeManifest(name, entries) {
  const lines = [`# Manifest of ${name.replace('.dataset.properties', '.csv')} (see docs/factors.md).`,
    `# Generated by backend/factors/convert-grid-data.mjs from ${PKG}; do not edit by hand.`];
  for (const [k, v] of entries) {
    if (/[^\x20-\x7e]/.test(v)) throw new Error(`manifest value must be printable ASCII: ${k}`);
    lines.push(`${k}=${v}`);
  }
  writeFileSync(join(outDir, name), lines.join('\n') + '\n', 'utf8');
}

// ---- Ember: yearly average grid intensity by country ----------------------------------------
function convertEmber() {
  if (averageIntensity.type !== 'average') throw new Error(`unexpected averageIntensity.type ${averageIntensity.type}`);
  const src = `Ember yearly electricity data as republished in npm ${PKG}, dist/esm/data/average-intensities.min.js`;
  const rows = [];
  const skipped = [];
  for (const [code, value] of Object.entries(averageIntensity.data)) {
    if (EMBER_AGGREGATES.has(code)) { skipped.push(code); continue; }
    const iso2 = ISO3_TO_ISO2[code];
    if (!iso2) throw new Error(`Ember code ${code} is neither a known alpha-3 code nor a known aggregate`);
    rows.push(['GRID_INTENSITY', iso2, iso2, fmt(value), UNITS.GRID_INTENSITY, '', '', `${src}, entry ${code}`,
      `Ember yearly average generation intensity for the latest year Ember had for this country when the package was built; the package does not record that year, so validity is left open. Key converted from ISO alpha-3 ${code}.`]);
  }
  const keys = new Set(rows.map((r) => r[1]));
  if (keys.size !== rows.length) throw new Error('two Ember codes map to the same alpha-2 code');
  writeCsv('ember-country-yearly.csv', rows);
  writeManifest('ember-country-yearly.dataset.properties', [
    ['id', 'ember-country-yearly'],
    ['version', `tgwf-co2-${pkg.version}`],
    ['title', 'Yearly average grid carbon intensity by country (Ember, latest year per country as shipped in @tgwf/co2)'],
    ['publisher', 'Ember (republished by The Green Web Foundation in the npm package @tgwf/co2)'],
    ['url', PKG_URL],
    ['licence', 'CC-BY-SA-4.0'],
    ['attribution', `Contains data from Ember (https://ember-climate.org/data/data-explorer/), licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as republished by The Green Web Foundation in ${PKG}. Changed by GreenLedger: country codes converted from ISO alpha-3 to alpha-2, regional aggregates left out, reformatted as a factor CSV. This CSV is shared under CC BY-SA 4.0.`],
    ['retrieved', RETRIEVED],
    ['conversion', `backend/factors/convert-grid-data.mjs on ${PKG} (export @tgwf/co2/data, averageIntensity): alpha-3 keys mapped to alpha-2 with a table carried in the script (XKX to XK), aggregates (${[...EMBER_AGGREGATES].sort().join('; ')}) dropped, validity left open because the package does not record the year of each value`],
  ]);
  return { rows, skipped };
}

// ---- Electricity Maps: yearly zone data -------------------------------------------------------
function convertElectricityMaps() {
  const fields = [
    ['carbonIntensity', 'GRID_INTENSITY', 'gCO2eq/kWh'],
    ['renewableEnergy', 'GRID_RENEWABLE_SHARE', '%'],
    ['carbonFreeEnergy', 'GRID_CARBON_FREE_SHARE', '%'],
  ];
  const rows = [];
  const years = [];
  const zones = new Set();
  let missing = 0;
  for (const exportName of Object.keys(electricityMaps).sort()) {
    const m = /^yearly(\d{4})$/.exec(exportName);
    if (!m) throw new Error(`unexpected Electricity Maps export ${exportName}`);
    const year = m[1];
    years.push(year);
    const src = `Electricity Maps yearly data ${year} as republished in npm ${PKG}, dist/esm/data/electricity-maps/yearly_${year}.js`;
    for (const [zone, rec] of Object.entries(electricityMaps[exportName].data)) {
      if (!/^[A-Z]{2}(-[A-Z0-9]+)*$/.test(zone)) throw new Error(`unexpected zone id ${zone}`);
      const z = rec.zone ?? {};
      const place = [z.displayName ?? z.zoneName, z.countryName].filter(Boolean).join(', ');
      for (const [field, kind, unit] of fields) {
        const f = rec[field];
        if (!f || f.value === null || f.value === undefined) { missing++; continue; }
        if (f.unit !== unit) throw new Error(`${zone} ${year} ${field}: unit ${f.unit}, expected ${unit}`);
        const what = kind === 'GRID_INTENSITY'
          ? 'life-cycle carbon intensity (Electricity Maps default emission factors)'
          : kind === 'GRID_RENEWABLE_SHARE' ? 'renewable share' : 'carbon-free (renewable and nuclear) share';
        rows.push([kind, zone, zone, fmt(f.value), UNITS[kind], `${year}-01-01`, `${year}-12-31`, `${src}, zone ${zone}`,
          `Zone ${place || zone}: yearly ${what}.`]);
        zones.add(zone);
      }
    }
  }
  writeCsv('electricitymaps-zone-yearly.csv', rows);
  writeManifest('electricitymaps-zone-yearly.dataset.properties', [
    ['id', 'electricitymaps-zone-yearly'],
    ['version', `tgwf-co2-${pkg.version}`],
    ['title', `Yearly grid carbon intensity (life-cycle), renewable share and carbon-free share by Electricity Maps zone, ${years[0]}-${years[years.length - 1]}`],
    ['publisher', 'Electricity Maps (republished by The Green Web Foundation in the npm package @tgwf/co2)'],
    ['url', PKG_URL],
    ['licence', 'ODbL-1.0'],
    ['attribution', `Contains data from Electricity Maps (https://www.electricitymaps.com), made available under the Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1-0/), as republished by The Green Web Foundation in ${PKG}. Methodology: https://www.electricitymaps.com/data/methodology. This derived CSV is made available under the ODbL 1.0.`],
    ['retrieved', RETRIEVED],
    ['conversion', `backend/factors/convert-grid-data.mjs on ${PKG} (export @tgwf/co2/data, electricityMaps.yearly${years[0]}..yearly${years[years.length - 1]}): one row per zone, year and kind; GRID_INTENSITY is the single carbon intensity the package carries, which is the life-cycle value (Electricity Maps default; the package has no direct value); unit gCO2eq/kWh written as gCO2e/kWh`],
  ]);
  return { rows, years, zones, missing };
}

// ---- Validation of factor CSVs ----------------------------------------------------------------
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\n' || c === '\r') {
      row.push(field); rows.push(row); row = []; field = '';
      i += (c === '\r' && text[i + 1] === '\n') ? 2 : 1; continue;
    }
    field += c; i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function validate(name) {
  const file = join(outDir, name);
  const errors = [];
  const rows = parseCsv(readFileSync(file, 'utf8'));
  if (rows[0].join(',') !== HEADER.join(',')) errors.push(`header is ${rows[0].join(',')}`);
  const seen = new Set();
  const perKind = {};
  rows.slice(1).forEach((r, n) => {
    const at = `${name}:${n + 2}`;
    if (r.length !== 9) { errors.push(`${at}: ${r.length} columns`); return; }
    const [kind, key, region, value, unit, from, to, source] = r;
    if (!(kind in UNITS)) errors.push(`${at}: unknown kind ${kind}`);
    else if (unit !== UNITS[kind]) errors.push(`${at}: unit ${unit} for ${kind}, expected ${UNITS[kind]}`);
    if (!key || !region || !source) errors.push(`${at}: empty key, region or source`);
    if (!/^-?\d+(\.\d+)?$/.test(value)) errors.push(`${at}: value ${value} is not a plain decimal`);
    for (const d of [from, to]) if (d !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(d)) errors.push(`${at}: date ${d}`);
    if (from && to && from > to) errors.push(`${at}: valid_from after valid_to`);
    const id = `${kind}|${key}|${from}`;
    if (seen.has(id)) errors.push(`${at}: duplicate (kind,key,valid_from) ${id}`);
    seen.add(id);
    perKind[kind] = (perKind[kind] ?? 0) + 1;
  });
  if (errors.length) throw new Error(`validation failed:\n${errors.join('\n')}`);
  return { rows: rows.length - 1, perKind };
}

// ---- Main ---------------------------------------------------------------------------------------
const ember = convertEmber();
const em = convertElectricityMaps();
const files = ['ember-country-yearly.csv', 'electricitymaps-zone-yearly.csv'];
if (existsSync(join(outDir, 'ewif.csv'))) files.push('ewif.csv');
console.log(`Source: ${PKG}`);
for (const f of files) {
  const v = validate(f);
  const kinds = Object.entries(v.perKind).sort().map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`${f}: ${v.rows} rows valid (${kinds})`);
}
console.log(`Ember: ${ember.rows.length} countries (year not recorded by the package); aggregates left out: ${ember.skipped.length}`);
const countryZones = [...em.zones].filter((z) => !z.includes('-')).length;
console.log(`Electricity Maps: ${em.zones.size} zones (${countryZones} country-level, ${em.zones.size - countryZones} sub-national), years ${em.years.join(', ')}, missing values ${em.missing}`);
