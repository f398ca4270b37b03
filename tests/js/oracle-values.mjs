// Values oracle: graphql-js valueFromAST and astFromValue over one schema.
// Input: {schema: sdl, fromAst: [{type, literal, variables}], toAst: [{type, value}]} on stdin (value/variables as JSON).
// Output: {fromAst: [inspect(result) | "undefined"], toAst: [print(ast) | "null" | "ERROR: message"]}.
import { readFileSync } from 'node:fs';
import { buildSchema, parseValue, parseType, typeFromAST, valueFromAST, astFromValue, print } from 'graphql';
import { inspect } from 'graphql/jsutils/inspect.js';

const input = JSON.parse(readFileSync(0, 'utf8'));
const schema = buildSchema(input.schema);
const typeOf = (t) => typeFromAST(schema, parseType(t));

const fromAst = input.fromAst.map(({ type, literal, variables }) => {
  const result = valueFromAST(parseValue(literal), typeOf(type), variables ?? undefined);
  return result === undefined ? 'undefined' : inspect(result);
});

const toAst = input.toAst.map(({ type, value }) => {
  try {
    const ast = astFromValue(value, typeOf(type));
    return ast == null ? 'null' : print(ast);
  } catch (e) {
    return 'ERROR: ' + e.message;
  }
});

process.stdout.write(JSON.stringify({ fromAst, toAst }));
