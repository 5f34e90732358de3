// A small XML reader for the manifest tests: elements, attributes, text, the five named entities and numeric
// character references. It skips the XML declaration, processing instructions, comments and DOCTYPE, keeps CDATA
// as text, and throws on a closing tag that does not match (so a broken manifest fails loudly, not quietly).
// Names are kept as written (`bt:Image`); `local` drops the prefix.

export interface XmlElement {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function makeElement(name: string, parent: XmlElement | null): XmlElement {
  const colon = name.indexOf(":");
  return { name, local: colon >= 0 ? name.slice(colon + 1) : name, attrs: {}, children: [], text: "", parent };
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(source: string): XmlElement {
  const doc = makeElement("#document", null);
  let current = doc;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf("<", i);
    if (lt < 0) {
      current.text += decodeEntities(source.slice(i));
      break;
    }
    if (lt > i) current.text += decodeEntities(source.slice(i, lt));
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4);
      if (end < 0) throw new Error(`unterminated comment at ${lt}`);
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", lt)) {
      const end = source.indexOf("]]>", lt + 9);
      if (end < 0) throw new Error(`unterminated CDATA at ${lt}`);
      current.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith("<?", lt)) {
      const end = source.indexOf("?>", lt + 2);
      if (end < 0) throw new Error(`unterminated processing instruction at ${lt}`);
      i = end + 2;
    } else if (source.startsWith("<!", lt)) {
      const end = source.indexOf(">", lt + 2);
      if (end < 0) throw new Error(`unterminated declaration at ${lt}`);
      i = end + 1;
    } else if (source.startsWith("</", lt)) {
      const end = source.indexOf(">", lt + 2);
      if (end < 0) throw new Error(`unterminated closing tag at ${lt}`);
      const name = source.slice(lt + 2, end).trim();
      if (name !== current.name) throw new Error(`</${name}> at ${lt} closes <${current.name}>`);
      current = current.parent ?? doc;
      i = end + 1;
    } else {
      // Find the end of the tag, skipping '>' inside quoted attribute values.
      let j = lt + 1;
      let quote = "";
      while (j < n) {
        const c = source[j];
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") {
          quote = c;
        } else if (c === ">") {
          break;
        }
        j++;
      }
      if (j >= n) throw new Error(`unterminated tag at ${lt}`);
      let body = source.slice(lt + 1, j);
      const selfClosing = body.endsWith("/");
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new Error(`tag without a name at ${lt}`);
      const el = makeElement(nameMatch[0], current);
      for (const m of body.slice(nameMatch[0].length).matchAll(ATTR)) {
        el.attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? "");
      }
      current.children.push(el);
      if (!selfClosing) current = el;
      i = j + 1;
    }
  }
  if (current !== doc) throw new Error(`<${current.name}> is never closed`);
  const roots = doc.children;
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  roots[0].parent = null;
  return roots[0];
}

/** Every element below `root` (not `root` itself), in document order. */
export function descendants(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    for (const child of el.children) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Elements below `root` whose written name (`bt:Image`) or local name (`Image`) is `name`. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  return descendants(root).filter((el) => el.name === name || (!name.includes(":") && el.local === name));
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name || c.local === name);
}

/** The chain of local names from the root down to `el`, e.g. "OfficeApp/VersionOverrides/Hosts/Host". */
export function pathOf(el: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) names.unshift(e.local);
  return names.join("/");
}
