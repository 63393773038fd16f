/** The part of citation-js the build uses (the packages ship no types). */
declare module "@citation-js/core" {
  export interface BibliographyOptions {
    format?: "html" | "text";
    template?: string;
    lang?: string;
    entry?: string | string[];
    nosort?: boolean;
    hyperlinks?: boolean;
    asEntryArray?: boolean;
  }
  export class Cite {
    constructor(data: unknown);
    format(type: "bibliography", options: BibliographyOptions & { asEntryArray: true }): [string, string][];
    format(type: "bibliography" | "citation", options?: BibliographyOptions): string;
  }
  interface Register<T> {
    has(name: string): boolean;
    add(name: string, value: T): void;
    get(name: string): T;
  }
  export const plugins: { config: { get(name: "@csl"): { templates: Register<unknown>; locales: Register<string> } } };
}
declare module "@citation-js/plugin-csl";
