//! Folders dropped on the page: every file inside, at any depth, through the entries API
//! (`webkitGetAsEntry`, a directory reader's `readEntries` called until it gives nothing,
//! since each call gives at most a hundred entries in Chromium). The folder chooser
//! (`<input webkitdirectory>`) needs none of this: the browser gives its files as a list.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

use crate::loading::MAX_FILES_PER_DROP;

/// The entries of a drop, taken while the drop event runs (they are gone after it), and
/// whether any is a folder. Without a folder the drop's file list is all there is.
pub fn dropped_entries(dt: &DataTransfer) -> (Vec<FileSystemEntry>, bool) {
    let items = dt.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    let folders = entries.iter().any(FileSystemEntry::is_directory);
    (entries, folders)
}

/// Every file under `entries`, folders read to any depth, in order (a folder's entries
/// sorted by name). Stops once more than [`MAX_FILES_PER_DROP`] are found: the drop is
/// refused whole then, and reading on would only cost time.
pub async fn files_under(entries: Vec<FileSystemEntry>) -> Vec<File> {
    let mut files = Vec::new();
    // Depth first: the entries still to visit, the next one last.
    let mut stack: Vec<FileSystemEntry> = entries.into_iter().rev().collect();
    while let Some(entry) = stack.pop() {
        if files.len() > MAX_FILES_PER_DROP {
            break;
        }
        if entry.is_directory() {
            let folder: FileSystemDirectoryEntry = entry.unchecked_into();
            let mut children = read_folder(&folder.create_reader()).await;
            children.sort_by_key(|c| std::cmp::Reverse(c.name()));
            stack.extend(children);
        } else if entry.is_file() {
            if let Some(file) = file_of(entry.unchecked_ref()).await {
                files.push(file);
            }
        }
    }
    files
}

/// Calls `f(resolve, reject)` and awaits the callback it is given.
async fn callback(f: impl FnOnce(&Function, &Function)) -> Result<JsValue, JsValue> {
    let mut f = Some(f);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(f) = f.take() {
            f(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}

/// Every entry of one folder: `readEntries` until it gives an empty batch (a folder that
/// cannot be read gives what was read).
async fn read_folder(reader: &FileSystemDirectoryReader) -> Vec<FileSystemEntry> {
    let mut all = Vec::new();
    loop {
        let batch = callback(|ok, err| {
            let _ = reader.read_entries_with_callback_and_callback(ok, err);
        })
        .await;
        let batch = match batch {
            Ok(batch) => Array::from(&batch),
            Err(_) => break,
        };
        if batch.length() == 0 {
            break;
        }
        all.extend(batch.iter().map(JsValue::unchecked_into::<FileSystemEntry>));
    }
    all
}

/// The file of a file entry (`None` when the browser cannot give it).
async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    callback(|ok, err| entry.file_with_callback_and_callback(ok, err))
        .await
        .ok()
        .and_then(|f| f.dyn_into::<File>().ok())
}
