// Validation oracle for the differential tests: graphql-js 16.11 validate().
// Input (stdin, or the file named by the first argument): JSON
//   {schemas: {name: sdl}, cases: [{schema: name, document: text, maxErrors?: n}]}
// Output: {specifiedRules: [rule names in order], results: [one entry per case]}, an entry being either
//   {syntaxError: {message, locations}}                       the document does not parse, or
//   {errors: [{message, locations}] | null, thrown: message | null, rules: {RuleName: same shape}}
// where errors is validate(buildSchema(sdl), parse(document), specifiedRules, {maxErrors}) and rules holds, for
// every rule of specifiedRules that reports something or throws when run alone, its own result.
// "thrown" is set when validate itself throws a GraphQLError (as collectFields can for @skip(if: $var) in a
// subscription) instead of returning errors.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, specifiedRules, GraphQLError } from 'graphql';

const input = JSON.parse(process.argv[2] ? readFileSync(process.argv[2], 'utf8') : readFileSync(0, 'utf8'));

const schemas = new Map();
function schemaNamed(name) {
  if (!schemas.has(name)) {
    const sdl = input.schemas[name];
    if (sdl === undefined) throw new Error('unknown schema ' + name);
    schemas.set(name, buildSchema(sdl));
  }
  return schemas.get(name);
}

const shape = (e) => ({ message: e.message, locations: e.locations ?? [] });

function run(schema, document, rules, maxErrors) {
  try {
    return { errors: validate(schema, document, rules, { maxErrors }).map(shape), thrown: null };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { errors: null, thrown: error.message };
  }
}

const results = input.cases.map((c) => {
  let document;
  try {
    document = parse(c.document);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { syntaxError: shape(error) };
  }
  const schema = schemaNamed(c.schema);
  const result = run(schema, document, specifiedRules, c.maxErrors ?? 100);
  result.rules = {};
  for (const rule of specifiedRules) {
    const single = run(schema, document, [rule], c.maxErrors ?? 100);
    if (single.thrown !== null || single.errors.length > 0) result.rules[rule.name] = single;
  }
  return result;
});

process.stdout.write(JSON.stringify({ specifiedRules: specifiedRules.map((r) => r.name), results }));
