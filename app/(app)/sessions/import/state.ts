/** What the import actions answer the import form (a 'use server' file exports only functions). */
export interface TrackerImportState {
  ok?: boolean;
  message?: string;
  /** One message per bad row, each naming its line in the file; or what is wrong with the mapping or the file. */
  problems?: string[];
  /** Rows skipped as duplicates, each naming its line. */
  skipped?: string[];
}

export const initialImportState: TrackerImportState = {};
