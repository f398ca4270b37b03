// TypeInfo oracle: walks each document with graphql-js visitWithTypeInfo and logs TypeInfo's state on every enter.
// Input: {schema: sdl, documents: [string]} on stdin. Output: a JSON array with one array of lines per document.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, visit, visitWithTypeInfo, TypeInfo } from 'graphql';
import { inspect } from 'graphql/jsutils/inspect.js';

const { schema: sdl, documents } = JSON.parse(readFileSync(0, 'utf8'));
const schema = buildSchema(sdl);
const name = (x) => (x == null ? '-' : String(x));

const results = documents.map((doc) => {
  const typeInfo = new TypeInfo(schema);
  const lines = [];
  visit(parse(doc), visitWithTypeInfo(typeInfo, {
    enter(node) {
      const d = typeInfo.getDefaultValue();
      lines.push([
        node.kind,
        'parent=' + name(typeInfo.getParentType()),
        'type=' + name(typeInfo.getType()),
        'input=' + name(typeInfo.getInputType()),
        'parentInput=' + name(typeInfo.getParentInputType()),
        'field=' + name(typeInfo.getFieldDef()?.name),
        'default=' + (d === undefined ? '-' : inspect(d)),
        'directive=' + name(typeInfo.getDirective()?.name),
        'arg=' + name(typeInfo.getArgument()?.name),
        'enum=' + name(typeInfo.getEnumValue()?.name),
      ].join(' '));
    },
  }));
  return lines;
});

process.stdout.write(JSON.stringify(results));
