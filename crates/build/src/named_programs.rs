//! Names by their content the files of the programs Trunk names after the program only: the
//! search worker (a Web Worker: a page must name its files when it starts it) and the app's
//! shell (built as one so that Trunk writes no second start script: `index.html`). Hosts keep
//! everything in `assets/` for good (`_headers`): a new build under the same names would
//! reach some readers and not others. So the build gives each program's glue and wasm names
//! with their hash, and names them on the script that starts the app, where `boot.js` and
//! the page find them: the search worker's script ([`SEARCH_WORKER_ATTRIBUTE`]: its glue,
//! ended with the line that starts its wasm, so one download, not a loader then the glue),
//! and the shell's glue and wasm ([`SHELL_JS_ATTRIBUTE`], [`SHELL_WASM_ATTRIBUTE`]).

use std::cell::Cell;
use std::path::{Path, PathBuf};

use lol_html::{element, rewrite_str, RewriteStrSettings};

use clinic_app::contract::{
    SEARCH_WORKER_ATTRIBUTE, SEARCH_WORKER_NAME, SHELL_JS_ATTRIBUTE, SHELL_PROGRAM_NAME,
    SHELL_WASM_ATTRIBUTE,
};

use crate::prerender::{shell_path, START_SCRIPT};
use crate::service_worker::file_hash;

/// Where Trunk puts the programs (their `data-target-path` in `index.html`).
const ASSETS: &str = "assets";

/// A program's files as Trunk wrote them, with the name their content gives them.
struct Unnamed {
    glue: PathBuf,
    wasm: PathBuf,
    glue_bytes: Vec<u8>,
    /// `<program>-<hash>`, the stem of both new names.
    named: String,
}

impl Unnamed {
    /// The files of `program` in `assets`, unless there are none to name (a build without
    /// it, or one whose files this already named).
    fn find(assets: &Path, program: &str) -> Result<Option<Unnamed>, String> {
        let glue = assets.join(format!("{program}.js"));
        let wasm = assets.join(format!("{program}_bg.wasm"));
        if !glue.is_file() && !wasm.is_file() {
            return Ok(None);
        }
        let read = |path: &Path| {
            std::fs::read(path)
                .map_err(|error| format!("{}: cannot be read: {error}", path.display()))
        };
        let (glue_bytes, wasm_bytes) = (read(&glue)?, read(&wasm)?);
        let hash = file_hash(&[glue_bytes.as_slice(), wasm_bytes.as_slice()].concat());
        Ok(Some(Unnamed {
            glue,
            wasm,
            glue_bytes,
            named: format!("{program}-{hash}"),
        }))
    }

    fn glue_file(&self) -> String {
        format!("{}.js", self.named)
    }

    fn wasm_file(&self) -> String {
        format!("{}_bg.wasm", self.named)
    }

    /// Gives both files their names, the glue followed by `ending`.
    fn rename(self, assets: &Path, ending: &str) -> Result<(), String> {
        let wasm_file = self.wasm_file();
        std::fs::rename(&self.wasm, assets.join(&wasm_file))
            .map_err(|error| format!("{}: cannot be renamed: {error}", self.wasm.display()))?;
        let glue_file = self.glue_file();
        let mut glue = self.glue_bytes;
        glue.extend(ending.as_bytes());
        std::fs::write(assets.join(&glue_file), glue)
            .map_err(|error| format!("{ASSETS}/{glue_file}: cannot be written: {error}"))?;
        std::fs::remove_file(&self.glue)
            .map_err(|error| format!("{}: cannot be removed: {error}", self.glue.display()))
    }
}

/// Names the files of the search worker and of the app's shell that Trunk wrote in
/// `site_dir` (served under `public_url`) by their content, makes the search worker's glue
/// its script, and names them in the app's shell. Returns the files named (the search
/// worker's script, the shell's glue), none when there was nothing to name.
pub fn name_programs(site_dir: &Path, public_url: &str) -> Result<Vec<String>, String> {
    let assets = site_dir.join(ASSETS);
    let worker = Unnamed::find(&assets, SEARCH_WORKER_NAME)?;
    let shell_program = Unnamed::find(&assets, SHELL_PROGRAM_NAME)?;
    let address = |file: String| format!("{public_url}{ASSETS}/{file}");
    let mut attributes = Vec::new();
    if let Some(worker) = &worker {
        attributes.push((SEARCH_WORKER_ATTRIBUTE, address(worker.glue_file())));
    }
    if let Some(shell_program) = &shell_program {
        attributes.push((SHELL_JS_ATTRIBUTE, address(shell_program.glue_file())));
        attributes.push((SHELL_WASM_ATTRIBUTE, address(shell_program.wasm_file())));
    }
    if attributes.is_empty() {
        return Ok(Vec::new());
    }
    let shell = shell_path(site_dir);
    let html = std::fs::read_to_string(&shell)
        .map_err(|error| format!("{}: cannot be read: {error}", shell.display()))?;
    let named_in_shell = name_in_shell(&html, &attributes)
        .map_err(|error| format!("{}: {error}", shell.display()))?;
    let mut named = Vec::new();
    if let Some(worker) = worker {
        named.push(format!("{ASSETS}/{}", worker.glue_file()));
        let ending = start_wasm(&worker.named);
        worker.rename(&assets, &ending)?;
    }
    if let Some(shell_program) = shell_program {
        named.push(format!("{ASSETS}/{}", shell_program.glue_file()));
        shell_program.rename(&assets, "")?;
    }
    std::fs::write(&shell, named_in_shell)
        .map_err(|error| format!("{}: cannot be written: {error}", shell.display()))?;
    Ok(named)
}

/// The line after the search worker's glue that starts its wasm. A wasm that fails to start
/// is thrown out of the worker, so the page hears of it (an `error` event) and tells the
/// reader, rather than waiting for an answer that never comes.
fn start_wasm(named: &str) -> String {
    format!(
        "\nwasm_bindgen({{ module_or_path: \"./{named}_bg.wasm\" }}).catch(function (error) {{\
         setTimeout(function () {{ throw error; }});\
         }});\n"
    )
}

/// `html` with `attributes` (names and values) on the script that starts the app (the one
/// Trunk's `pattern_script` writes, with the app's own wasm in `data-wasm`).
fn name_in_shell(html: &str, attributes: &[(&str, String)]) -> Result<String, String> {
    let found = Cell::new(0);
    let settings = RewriteStrSettings::new().append_element_content_handler(element!(
        START_SCRIPT,
        |script| {
            found.set(found.get() + 1);
            for (name, value) in attributes {
                script.set_attribute(name, value)?;
            }
            Ok(())
        }
    ));
    let named = rewrite_str(html, settings).map_err(|error| error.to_string())?;
    match found.get() {
        1 => Ok(named),
        0 => Err("no script starts the app (<script data-wasm>), to name the programs on".into()),
        many => Err(format!(
            "{many} scripts start the app (<script data-wasm>): one must"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let site = tempfile::tempdir().expect("a folder");
        std::fs::create_dir(site.path().join(ASSETS)).expect("assets");
        std::fs::write(
            site.path().join("index.html"),
            "<html><head><script defer src=\"/boot.js\" data-js=\"/assets/a.js\" \
             data-wasm=\"/assets/a.wasm\"></script></head><body></body></html>",
        )
        .expect("the shell");
        site
    }

    fn write_program(site: &Path, program: &str, wasm: &[u8]) {
        let assets = site.join(ASSETS);
        std::fs::write(assets.join(format!("{program}.js")), "glue").expect("glue");
        std::fs::write(assets.join(format!("{program}_bg.wasm")), wasm).expect("wasm");
    }

    fn assets(site: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(site.join(ASSETS))
            .expect("assets")
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Names the one program written in `site` (served under `public_url`): the glue file it
    /// names, and its stem (`<program>-<hash>`), once `assets/` holds its two files alone.
    fn name_the_one_program(site: &Path, public_url: &str) -> (String, String) {
        let named = name_programs(site, public_url).expect("named");
        let [glue] = named.as_slice() else {
            panic!("one program named: {named:?}");
        };
        let stem = glue
            .trim_start_matches("assets/")
            .trim_end_matches(".js")
            .to_string();
        assert_eq!(
            assets(site),
            [format!("{stem}.js"), format!("{stem}_bg.wasm")]
        );
        (glue.clone(), stem)
    }

    #[test]
    fn the_workers_files_take_their_hash_and_the_shell_names_its_script() {
        let site = site();
        write_program(site.path(), SEARCH_WORKER_NAME, b"one");
        let (script, named) = name_the_one_program(site.path(), "/clinic/");
        assert!(named.len() > SEARCH_WORKER_NAME.len() + 8, "{named}");
        let text = std::fs::read_to_string(site.path().join(&script)).expect("script");
        assert!(text.starts_with("glue\n"), "the glue first: {text}");
        assert!(
            text.contains(&format!("module_or_path: \"./{named}_bg.wasm\"")),
            "then the wasm started: {text}"
        );
        let shell = std::fs::read_to_string(site.path().join("index.html")).expect("shell");
        assert!(
            shell.contains(&format!("{SEARCH_WORKER_ATTRIBUTE}=\"/clinic/{script}\"")),
            "{shell}"
        );
        // Run again (a later post-build step on the same site): nothing left to name.
        assert_eq!(name_programs(site.path(), "/clinic/"), Ok(Vec::new()));
    }

    #[test]
    fn the_app_shells_files_take_their_hash_and_the_script_that_starts_the_app_names_both() {
        let site = site();
        write_program(site.path(), SHELL_PROGRAM_NAME, b"shell");
        let (glue, named) = name_the_one_program(site.path(), "/");
        assert!(
            named.starts_with(&format!("{SHELL_PROGRAM_NAME}-")),
            "{named}"
        );
        assert_eq!(
            std::fs::read_to_string(site.path().join(&glue)).expect("glue"),
            "glue",
            "the glue as built: boot.js starts the wasm"
        );
        let shell = std::fs::read_to_string(site.path().join("index.html")).expect("shell");
        assert!(
            shell.contains(&format!(
                "{SHELL_JS_ATTRIBUTE}=\"/{glue}\" {SHELL_WASM_ATTRIBUTE}=\"/assets/{named}_bg.wasm\""
            )),
            "{shell}"
        );
    }

    #[test]
    fn other_bytes_get_another_name() {
        let (one, other) = (site(), site());
        write_program(one.path(), SEARCH_WORKER_NAME, b"one");
        write_program(other.path(), SEARCH_WORKER_NAME, b"other");
        assert_ne!(
            name_programs(one.path(), "/"),
            name_programs(other.path(), "/")
        );
    }

    #[test]
    fn a_shell_without_the_apps_one_script_is_an_error_and_nothing_is_renamed() {
        let site = site();
        write_program(site.path(), SEARCH_WORKER_NAME, b"one");
        let as_built = assets(site.path());
        for shell in [
            "<html></html>",
            "<script data-wasm></script><script data-wasm></script>",
        ] {
            std::fs::write(site.path().join("index.html"), shell).expect("shell");
            let error = name_programs(site.path(), "/").expect_err("no one script");
            assert!(error.contains("data-wasm"), "{error}");
            assert_eq!(assets(site.path()), as_built);
        }
    }
}
