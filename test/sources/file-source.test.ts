import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RegionData } from '../../subgraphs/kit/index.js';
import { registryOf } from './support/config.js';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vardnav-files-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const source = (dir: string, extra: Record<string, unknown> = {}) =>
  registryOf({
    regions: { '18': { naraVard: { kind: 'file', dir, label: 'Region Örebro län, export', ...extra } } },
  }).get('nara-vard', '18')!;

describe('file source', () => {
  it('reads CSV exports: UTF-8 with BOM, Swedish characters, header row, ; or , separated, typed cells', async () => {
    const dir = folder({
      'primaryCareUnits.csv':
        '\ufeffid;name;municipalityCode;listedPatients;public\n' +
        'vc-1;Vårdcentralen Örebro Öster;1880;12450;ja\n' +
        'vc-2;Hälsocentralen Åsbro;1880;;nej\n',
      'naraVardCollaborations.csv': 'id,title,year\nnv-1,"Nära vård, Örebro län — ""Tillsammans""",2021\n',
    });
    const [units, collaborations] = await source(dir, {
      collections: { primaryCareUnits: { types: { listedPatients: 'integer', public: 'boolean' } } },
    }).fetch([{ collection: 'primaryCareUnits' }, { collection: 'naraVardCollaborations' }]);
    expect(units).toEqual([
      {
        id: 'vc-1',
        name: 'Vårdcentralen Örebro Öster',
        municipalityCode: '1880',
        listedPatients: 12450,
        public: true,
        source: 'Region Örebro län, export',
        synthetic: false,
      },
      {
        id: 'vc-2',
        name: 'Hälsocentralen Åsbro',
        municipalityCode: '1880',
        listedPatients: null,
        public: false,
        source: 'Region Örebro län, export',
        synthetic: false,
      },
    ]);
    // Untyped cells stay text: a kommunkod keeps its leading zero, a year stays "2021".
    expect(collaborations![0]).toMatchObject({
      title: 'Nära vård, Örebro län — "Tillsammans"',
      year: '2021',
    });
  });

  it('maps column names and reads a file of another name', async () => {
    const dir = folder({ 'vardcentraler.csv': 'Enhets-id,Namn,Kommunkod\nvc-9,Vårdcentralen Kumla,1881\n' });
    const [units] = await source(dir, {
      collections: {
        primaryCareUnits: {
          from: 'vardcentraler',
          fields: { id: 'Enhets-id', name: 'Namn', municipalityCode: 'Kommunkod' },
        },
      },
    }).fetch([{ collection: 'primaryCareUnits', filter: { municipalityCode: '1881' } }]);
    expect(units).toEqual([
      {
        id: 'vc-9',
        name: 'Vårdcentralen Kumla',
        municipalityCode: '1881',
        source: 'Region Örebro län, export',
        synthetic: false,
      },
    ]);
  });

  it('re-reads a file when it changes', async () => {
    const dir = folder({ 'primaryCareUnits.json': JSON.stringify([{ id: 'a' }]) });
    const s = source(dir);
    expect((await s.fetch([{ collection: 'primaryCareUnits' }]))[0]!.map((r) => r.id)).toEqual(['a']);
    const path = join(dir, 'primaryCareUnits.json');
    writeFileSync(path, JSON.stringify([{ id: 'a' }, { id: 'ö' }]));
    utimesSync(path, new Date(), new Date(Date.now() + 2_000));
    expect((await s.fetch([{ collection: 'primaryCareUnits' }]))[0]!.map((r) => r.id)).toEqual(['a', 'ö']);
  });

  it('a broken export fails only its region, with REGION_SOURCE_BAD_RESPONSE, and is not cached', async () => {
    const good = folder({ 'primaryCareUnits.json': JSON.stringify([{ id: 'ok' }]) });
    const bad = folder({ 'primaryCareUnits.json': '[{"id": ' });
    const registry = registryOf({
      regions: {
        '17': { naraVard: { kind: 'file', dir: good } },
        '18': { naraVard: { kind: 'file', dir: bad } },
      },
    });
    const collect = () => new RegionData({ domain: 'nara-vard', registry }).collect('primaryCareUnits');
    const broken = await collect();
    expect(broken.records.map((r) => r.id)).toEqual(['ok']);
    expect(broken.errors.map((e) => e.extensions)).toEqual([
      { code: 'REGION_SOURCE_BAD_RESPONSE', region: '18' },
    ]);
    writeFileSync(join(bad, 'primaryCareUnits.json'), JSON.stringify([{ id: 'fixed' }]));
    expect((await collect()).records.map((r) => r.id)).toEqual(['ok', 'fixed']);
  });
});
