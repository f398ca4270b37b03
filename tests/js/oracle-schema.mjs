// Schema oracle for the differential type-system tests: graphql-js 16.11 buildSchema + printSchema + validateSchema.
// Input: a JSON array of SDL documents (strings) on stdin. Output: a JSON array, one entry per document, either
//   {printed: printSchema(schema), errors: [{message, locations}]}   (errors = validateSchema(schema)), or
//   {buildError: message}   when buildSchema throws (SDL validation).
// printed is null and printError set when printSchema throws (a default value astFromValue cannot convert).
import { readFileSync } from 'node:fs';
import { buildSchema, printSchema, validateSchema } from 'graphql';

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
  return { printed, printError, errors };
});

process.stdout.write(JSON.stringify(results));
