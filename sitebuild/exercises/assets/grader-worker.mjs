// The grader in a Web Worker: Pyodide runs the project's own `graders` package, unchanged.
// The page sends {rid, op, ...} requests; the worker answers {rid, response} after Python's
// graders.web.handle(request). Nothing here grades: it loads Python and passes messages.
// Loading comes in stages so that the float layer can answer before SymPy has arrived:
//   1. Pyodide (runtime and the byte-compiled standard library), 2. graders (with the question
//   bank as JSON), 3. SymPy and mpmath in the background. A check that needs SymPy waits for it.
const here = new URL(".", import.meta.url);
const manifest = fetch(new URL("manifest.json", here)).then((r) => r.json());
let pyodide = null;
let sympyReady = null;

function progress(stage, done, total) {
  postMessage({ type: "progress", stage, done, total });
}

async function fetchBytes(name, stage) {
  const m = await manifest;
  const file = m.files[name];
  const response = await fetch(new URL(file.path, here));
  if (!response.ok) throw new Error(`${file.path}: HTTP ${response.status}`);
  const total = file.bytes;
  const reader = response.body.getReader();
  const chunks = [];
  let done = 0;
  for (;;) {
    const { done: end, value } = await reader.read();
    if (end) break;
    chunks.push(value);
    done += value.length;
    progress(stage, done, total);
  }
  const out = new Uint8Array(done);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

async function boot() {
  const m = await manifest;
  progress("runtime", 0, m.files["runtime"].bytes);
  const { loadPyodide } = await import(new URL(m.pyodide.module, here).href);
  pyodide = await loadPyodide({
    indexURL: new URL(m.pyodide.index, here).href,
    stdLibURL: new URL(m.files["stdlib"].path, here).href,
    lockFileContents: m.pyodide.lock,
    stdout: () => {},
    stderr: () => {},
  });
  progress("runtime", m.files["runtime"].bytes, m.files["runtime"].bytes);
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await fetchBytes("graders", "graders"), "zip", { extractDir: sitePackages });
  pyodide.runPython("import graders.web");
  postMessage({ type: "ready", stage: "graders" });
  sympyReady = fetchBytes("sympy", "sympy").then((bytes) => {
    pyodide.unpackArchive(bytes, "zip", { extractDir: sitePackages });
    pyodide.runPython("import importlib; importlib.invalidate_caches(); import sympy");
    postMessage({ type: "ready", stage: "sympy" });
  });
}

const booted = boot().catch((error) => {
  postMessage({ type: "failed", message: String(error && error.message || error) });
  throw error;
});

async function answer(request) {
  await booted;
  const handle = pyodide.globals.get("__import__")("graders.web").web.handle;
  const { rid, ...body } = request;
  for (;;) {
    const py = pyodide.toPy(body);
    const raw = handle(py);
    py.destroy();
    const response = raw.toJs({ dict_converter: Object.fromEntries });
    raw.destroy();
    if (response.needs === "sympy") {  // the float layer could not decide: SymPy decides
      postMessage({ type: "waiting", stage: "sympy", rid: request.rid });
      await sympyReady;
      continue;
    }
    return response;
  }
}

onmessage = async (event) => {
  const request = event.data;
  try {
    postMessage({ type: "response", rid: request.rid, response: await answer(request) });
  } catch (error) {
    postMessage({ type: "response", rid: request.rid, crashed: true, message: String(error && error.message || error) });
  }
};
