// Byte-compile the grader bundle with Pyodide's own CPython (a .pyc is tied to the exact Python
// that reads it): node compile.mjs PYODIDE_DIR WORK_DIR PART... reads WORK_DIR/PART.src.zip and
// writes WORK_DIR/PART.zip holding only .pyc files (legacy layout, next to where the .py was) and
// the data files; test folders are dropped. Called by sitebuild/exercises/bundle.py.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, work, ...parts] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: (m) => console.error(m) });
for (const part of parts) {
  py.FS.writeFile(`/tmp/${part}.src.zip`, readFileSync(join(work, `${part}.src.zip`)));
  py.runPython(`
import compileall, os, shutil, zipfile, warnings
warnings.simplefilter("ignore")  # SyntaxWarnings of third-party sources are not ours to fix
src = "/tmp/src-${part}"
shutil.rmtree(src, ignore_errors=True)
zipfile.ZipFile("/tmp/${part}.src.zip").extractall(src)
if not compileall.compile_dir(src, quiet=2, legacy=True, workers=1):
    raise SystemExit("compileall failed for ${part}")
with zipfile.ZipFile("/tmp/${part}.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if d not in ("tests", "__pycache__"))
        for f in sorted(files):
            if not f.endswith(".py"):
                p = os.path.join(root, f)
                z.write(p, os.path.relpath(p, src))
`);
  writeFileSync(join(work, `${part}.zip`), py.FS.readFile(`/tmp/${part}.zip`));
}
