import { type DocumentNode, Kind, print } from 'graphql';

/**
 * A comparable summary of an SDL document: every type, field, argument and enum value with its
 * type, directives and description. Formatting and federation-added definitions are ignored.
 */
export function sdlSignature(document: DocumentNode): string[] {
  const lines: string[] = [];
  for (const def of document.definitions) {
    if (!('name' in def) || !def.name || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const name = def.name.value;
    if (name.startsWith('_') || name === 'FieldSet' || /^(link|federation)__/.test(name)) continue;
    const description = 'description' in def && def.description ? def.description.value : '';
    const directives = 'directives' in def ? (def.directives ?? []).map((d) => print(d)).join(' ') : '';
    lines.push(`${name} ${directives} :: ${description}`);
    if ('fields' in def) {
      for (const field of def.fields ?? []) {
        const fieldDirectives = (field.directives ?? []).map((d) => print(d)).join(' ');
        const args =
          'arguments' in field
            ? (field.arguments ?? []).map(
                (a) =>
                  `${a.name.value}:${print(a.type)}=${a.defaultValue ? print(a.defaultValue) : ''}|${a.description?.value ?? ''}`,
              )
            : [];
        lines.push(
          `${name}.${field.name.value}(${args.join(',')}): ${print(field.type)} ${fieldDirectives} :: ${field.description?.value ?? ''}`,
        );
      }
    }
    if ('values' in def) {
      for (const value of def.values ?? [])
        lines.push(`${name}.${value.name.value} :: ${value.description?.value ?? ''}`);
    }
  }
  return lines.filter((l) => !/^Query\._(entities|service)/.test(l)).sort();
}
