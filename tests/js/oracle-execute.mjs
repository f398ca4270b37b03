// Execution oracle for the differential tests: graphql-js 16.11 graphql() on buildSchema(sdl).
// Input (stdin or the file named by the first argument), JSON:
//   { suites: [{ sdl, rootValue, cases: [{ query, variables?, operationName?, skipValidation? }] }],
//     introspection: [{ sdl, options? }] }
// Output, JSON:
//   { suites: [[JSON.stringify(result), ...], ...],   (graphql() == parse + validate + execute)
//     introspection: [{ query: getIntrospectionQuery(options), result: JSON.stringify(result) }] }
//
// Data conventions (mirrored by OracleFieldResolver.cs), applied to the value a field reads from its parent:
//   {"$error": "m"}                          the resolver throws new Error("m")
//   {"$errorExt": {"message", "extensions"}} the resolver throws a GraphQLError with those extensions
//   {"$async": v}                            the resolver returns a promise of v (conventions apply to v too)
//   {"$args": true}                          the resolver returns JSON.stringify(args)
// Abstract types are resolved by the default type resolver from each object's __typename.
import { readFileSync } from 'node:fs';
import { buildSchema, graphql, execute, parse, validate, getIntrospectionQuery, defaultFieldResolver, GraphQLError } from 'graphql';

const input = JSON.parse(process.argv[2] ? readFileSync(process.argv[2], 'utf8') : readFileSync(0, 'utf8'));

function isMarker(value, key) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && key in value;
}

function convert(value, args) {
  if (isMarker(value, '$error')) throw new Error(value.$error);
  if (isMarker(value, '$errorExt')) {
    throw new GraphQLError(value.$errorExt.message, { extensions: value.$errorExt.extensions });
  }
  if (isMarker(value, '$async')) return Promise.resolve().then(() => convert(value.$async, args));
  if (isMarker(value, '$args')) return JSON.stringify(args);
  return value;
}

function fieldResolver(source, args, context, info) {
  return convert(defaultFieldResolver(source, args, context, info), args);
}

async function runSuite(suite) {
  const schema = buildSchema(suite.sdl);
  const results = [];
  for (const c of suite.cases) {
    // The corpus holds valid documents only (validation is tested elsewhere); an invalid one is reported as such
    // unless the case opts out to reach execution-time operation errors.
    const document = parse(c.query);
    const invalid = c.skipValidation ? [] : validate(schema, document);
    if (invalid.length > 0) {
      results.push(JSON.stringify({ invalidCase: invalid.map((e) => e.message) }));
      continue;
    }
    const result = await execute({
      schema,
      document,
      rootValue: suite.rootValue,
      variableValues: c.variables,
      operationName: c.operationName,
      fieldResolver,
    });
    results.push(JSON.stringify(result));
  }
  return results;
}

async function runIntrospection(item) {
  const query = getIntrospectionQuery(item.options ?? {});
  const result = await graphql({ schema: buildSchema(item.sdl), source: query });
  return { query, result: JSON.stringify(result) };
}

const output = { suites: [], introspection: [] };
for (const suite of input.suites ?? []) output.suites.push(await runSuite(suite));
for (const item of input.introspection ?? []) output.introspection.push(await runIntrospection(item));
process.stdout.write(JSON.stringify(output));
