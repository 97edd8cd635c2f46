/**
 * The two licences, stated once: the code under MIT (`LICENSE`), the data under CC BY 4.0
 * (`LICENSE-DATA`). package.json, datapackage.json, dataset.json, the README and the site say the same;
 * `test/release/licences.test.ts` checks that they agree.
 */
export const CODE_LICENSE = { spdx: "MIT", file: "LICENSE", title: "MIT License", url: "https://opensource.org/license/mit" } as const;

/** In Frictionless form (`name`, `path`, `title`) for datapackage.json. */
export const DATA_LICENSE = { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" } as const;
export const DATA_LICENSE_FILE = "LICENSE-DATA";

/** package.json's `license`: the npm package holds both the code (lib/) and the data. */
export const PACKAGE_LICENSE = `${CODE_LICENSE.spdx} AND ${DATA_LICENSE.name}`;

/** Files of the repository that every release carries at its top, next to the data. */
export const RELEASE_TEXT_FILES: readonly string[] = [CODE_LICENSE.file, DATA_LICENSE_FILE, "CITATION.cff"];
