// The Frictionless library and the EDTF parser ship no type declarations; these cover what the tests use.
declare module "datapackage" {
  export class Package {
    static load(descriptor: string, options?: { basePath?: string }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Array<{ name: string; read(options?: { relations?: boolean; keyed?: boolean }): Promise<unknown[]> }>;
  }
}
declare module "edtf" {
  interface Parsed {
    min: number;
    max: number;
    toEDTF(): string;
  }
  export default function edtf(text: string): Parsed;
}
