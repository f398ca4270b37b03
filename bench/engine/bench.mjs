// graphql-js side of the engine benchmark: parse + validate + execute + JSON.stringify in a loop, single thread.
// Usage: node bench.mjs <warmupSeconds> <measureSeconds>; prints one JSON line per case.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(root, 'tests', 'js', 'package.json'));
const { buildSchema, parse, validate, execute, getIntrospectionQuery, version } = require('graphql');

const [warmup = 3, measure = 10] = process.argv.slice(2).map(Number);

// Same deterministic data as SefData.Bench.Engine/Data.cs.
function makeData() {
  const sectors = ['PRIMARY', 'SECONDARY', 'SPECIAL'];
  const colours = ['GREEN', 'YELLOW', 'AMBER', 'RED', null];
  const authorities = [];
  for (let a = 0; a < 20; a++) {
    const schools = [];
    for (let s = 0; s < 50; s++) {
      const i = a * 50 + s;
      schools.push({
        number: String(660 + a) + String(2000 + s).padStart(4, '0'),
        name: `School ${i}`,
        sector: sectors[i % 3],
        pupils: 100 + (i * 37) % 900,
        efsm: i % 7 === 0 ? null : ((i * 13) % 400) / 10,
        colour: colours[i % 5],
        inspected: i % 2 === 0,
      });
    }
    authorities.push({ code: String(660 + a), name: `Authority ${a}`, schools });
  }
  return { authorities };
}

function run(name, schema, source, rootValue) {
  const once = () => {
    const document = parse(source);
    const errors = validate(schema, document);
    if (errors.length) throw new Error(errors[0].message);
    const result = execute({ schema, document, rootValue });
    if (result.errors) throw new Error(result.errors[0].message);
    return JSON.stringify(result);
  };
  const bytes = Buffer.byteLength(once());
  let end = performance.now() + warmup * 1000;
  while (performance.now() < end) once();
  let ops = 0;
  const start = performance.now();
  end = start + measure * 1000;
  while (performance.now() < end) { once(); ops++; }
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ engine: `graphql-js ${version}`, case: name, opsPerSecond: ops / seconds, responseBytes: bytes }));
}

const apiSdl = readFileSync(join(root, 'schema', 'schema.graphql'), 'utf8');
run('introspection', buildSchema(apiSdl), getIntrospectionQuery(), undefined);
run('nested-1000', buildSchema(readFileSync(join(here, 'nested.graphql'), 'utf8')),
  readFileSync(join(here, 'nested-query.graphql'), 'utf8'), makeData());
