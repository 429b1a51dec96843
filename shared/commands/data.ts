import type { Issue } from '../issues';
import type { Dataset } from '../model';
import { readDataset } from '../tables';
import { readDefinition, readHistory, latestVersion } from '../definition';
import type { Definition, DefinitionVersion } from '../definition/model';
import { sheetOf, type Loaded } from './workbook';

/** Reads the customer, contact and activity sheets named in the settings, with the user's column mapping. */
export function datasetOf(loaded: Loaded): {
  dataset: Dataset;
  issues: Issue[];
  customerHeaders: string[] | null;
} {
  const { settings, grids } = loaded;
  return readDataset(
    {
      customers: grids.customers ?? [],
      contacts: grids.contacts ?? null,
      activities: grids.activities ?? null,
    },
    {
      customers: { sheet: sheetOf(loaded, 'customers'), mapping: settings.mappings.customers },
      contacts: { sheet: settings.sheets.contacts ?? '', mapping: settings.mappings.contacts },
      activities: { sheet: settings.sheets.activities ?? '', mapping: settings.mappings.activities },
    },
  );
}

/** The definition as its sheet holds it now, and the version written on it. */
export function definitionOf(loaded: Loaded): {
  definition: Definition;
  version: number | null;
  issues: Issue[];
} {
  return readDefinition(loaded.grids.definition ?? [], { sheet: sheetOf(loaded, 'definition') });
}

export function historyOf(loaded: Loaded): {
  versions: DefinitionVersion[];
  latest: DefinitionVersion | null;
  issues: Issue[];
} {
  const read = readHistory(loaded.grids.history ?? [], { sheet: sheetOf(loaded, 'history') });
  return { ...read, latest: latestVersion(read.versions) };
}
