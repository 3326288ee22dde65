import { checkFieldName, FormInputError, stripControlChars, type FormValues } from "~/utils/forms";

const visibleName = (name: string) => JSON.stringify(stripControlChars(name).slice(0, 60));

type Node = Record<string, unknown> | unknown[];

/**
 * For tests only: a flat form written with dotted names ("sites.0.label") as the nested value a schema validates
 * (the pages post conform's names, parsed by app/web/conform.ts; fixtures are easier to write flat).
 */
export function nestFormValues(values: Iterable<[string, string]> | FormValues): Record<string, unknown> {
  const root = Object.create(null) as Record<string, unknown>;
  const entries = Symbol.iterator in values ? (values as Iterable<[string, string]>) : Object.entries(values);
  for (const [name, value] of entries) {
    checkFieldName(name);
    const parts = name.split(".");
    let node: Node = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const isIndex = /^\d+$/.test(part);
      if (Array.isArray(node) && !isIndex)
        throw new FormInputError(`Richiesta non valida: il campo ${visibleName(name)} non corrisponde al modulo.`);
      const container = node as Record<string, unknown>;
      const key = isIndex && Array.isArray(node) ? Number(part) : part;
      if (i === parts.length - 1) {
        container[key] = value;
        break;
      }
      let child = Object.hasOwn(container, key) ? container[key] : undefined;
      if (child === undefined) {
        child = /^\d+$/.test(parts[i + 1]) ? [] : Object.create(null);
        container[key] = child;
      } else if (typeof child !== "object" || child === null) {
        throw new FormInputError(`Richiesta non valida: il campo ${visibleName(name)} non corrisponde al modulo.`);
      }
      node = child as Node;
    }
  }
  return root;
}
