// Schema oracle for the differential type-system tests: graphql-js 16.11 buildSchema + printSchema + validateSchema.
// Input: a JSON array of SDL documents (strings) on stdin. Output: {introspectionQuery, results}, results being
// one entry per document, either
//   {printed: printSchema(schema), errors: [{message, locations}]}   (errors = validateSchema(schema)), or
//   {buildError: message}   when buildSchema throws (SDL validation).
// printed is null and printError set when printSchema throws (a default value astFromValue cannot convert).
// introspection: JSON of the introspection query's data (all options on), for valid schemas only.
import { readFileSync } from 'node:fs';
import { buildSchema, printSchema, validateSchema, graphqlSync, getIntrospectionQuery } from 'graphql';

// Every option on, so the whole introspection surface (including isOneOf and deprecated input values) is compared.
const introspectionQuery = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

const documents = JSON.parse(readFileSync(0, 'utf8'));

const results = documents.map((sdl) => {
  let schema;
  try {
    schema = buildSchema(sdl);
  } catch (e) {
    return { buildError: String(e.message) };
  }
  const errors = validateSchema(schema).map((e) => ({
    message: e.message,
    locations: (e.locations ?? []).map((l) => [l.line, l.column]),
  }));
  let printed = null;
  let printError = null;
  try {
    printed = printSchema(schema);
  } catch (e) {
    printError = String(e.message);
  }
  // Introspection needs a valid schema (graphql-js refuses to execute against an invalid one).
  let introspection = null;
  if (errors.length === 0) {
    const result = graphqlSync({ schema, source: introspectionQuery });
    // A field error (a default value astFromValue cannot print) leaves nothing comparable: the mini executor throws.
    introspection = result.errors ? null : JSON.stringify(result.data);
  }
  return { printed, printError, errors, introspection };
});

process.stdout.write(JSON.stringify({ introspectionQuery, results }));
