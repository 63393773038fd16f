/**
 * Watch a folder and every folder under it for changes, for `npm run dev`.
 *
 * Node 20's `fs.watch(dir, { recursive: true })` on Linux watches each file
 * by itself: once an editor saves by writing a temporary file and renaming it
 * over the post (vim, JetBrains' safe write, `sed -i`), the watch is on the
 * replaced file and later saves of the post go unseen. A watch on each
 * folder (inotify reports what happens to the folder's entries, whatever
 * file they name) sees every save; new folders are watched when they appear.
 * Folders whose name starts with `.` are not watched (editors' and git's).
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { join, relative } from "node:path";

export interface TreeWatcher {
  close(): void;
}

/**
 * Call `onChange` with the path (relative to `root`, `/`-separated as the
 * platform gives it) of each entry created, changed, renamed or deleted under
 * `root`. Events come in bursts (an editor's save is several); callers debounce.
 *
 * @param root - an existing folder
 */
export function watchTree(root: string, onChange: (path: string) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();

  const add = (dir: string): void => {
    if (watchers.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, name) => {
        const path = name ? join(dir, name.toString()) : dir;
        if (name && !name.toString().startsWith(".")) {
          try {
            if (statSync(path).isDirectory()) addTree(path);
          } catch {
            // Gone again (a temporary file): nothing to watch.
          }
        }
        onChange(relative(root, path));
      });
    } catch {
      return; // Removed before it could be watched.
    }
    // A watched folder that is deleted ends its watch.
    w.on("error", () => {
      w.close();
      watchers.delete(dir);
    });
    watchers.set(dir, w);
  };

  const addTree = (dir: string): void => {
    add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".")) addTree(join(dir, e.name));
  };

  addTree(root);
  return {
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
