// Where a photo's image stands, kept on its `photoBlobs` row as `uploadState` so the sync chip can find
// images still only on the phone from an index: a filter would read every image's bytes, after every
// local write. The database derives it from `uploaded` and `error` on every write (Dexie hooks), so no
// writer has to remember it; uploaded images have none and stay out of the index.
import type { Table } from 'dexie';
import type { PhotoBlobRow, UploadState } from './local-rows';

export function uploadStateOf(row: Pick<PhotoBlobRow, 'uploaded' | 'error'>): UploadState | undefined {
  if (row.uploaded) return undefined;
  return row.error ? 'refused' : 'waiting';
}

export function trackUploadState(table: Table<PhotoBlobRow, string>): void {
  table.hook('creating', (_key, row) => {
    const state = uploadStateOf(row);
    if (state) row.uploadState = state;
    else delete row.uploadState;
  });
  table.hook('updating', (changes, _key, row) => ({
    uploadState: uploadStateOf({ ...row, ...(changes as Partial<PhotoBlobRow>) }),
  }));
}
