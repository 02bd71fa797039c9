//! Names the search worker's files by their content. Trunk names a worker's files after its
//! program only (a page must name them when it starts the worker), but hosts keep
//! everything in `assets/` for good (`_headers`): a new build under the same names would
//! reach some readers and not others. So the build gives the worker's glue and wasm names
//! with their hash, ends the glue with the line that starts the wasm (the worker's script:
//! one download, not a loader then the glue), and names that script on the script that
//! starts the app ([`SEARCH_WORKER_ATTRIBUTE`]), where the page finds it.

use std::cell::Cell;
use std::path::Path;

use lol_html::{element, rewrite_str, RewriteStrSettings};

use clinic_app::contract::{SEARCH_WORKER_ATTRIBUTE, SEARCH_WORKER_NAME};

use crate::prerender::shell_path;
use crate::service_worker::file_hash;

/// Where Trunk puts the worker (its `data-target-path` in `index.html`).
const ASSETS: &str = "assets";

/// Renames the worker's files Trunk wrote in `site_dir` (served under `public_url`) to
/// hashed names, makes the glue the worker's script and names it in the app's shell. Returns
/// the script's file; none when there was nothing to rename (a build without the worker, or
/// one whose files this already named).
pub fn name_search_worker(site_dir: &Path, public_url: &str) -> Result<Option<String>, String> {
    let assets = site_dir.join(ASSETS);
    let glue = assets.join(format!("{SEARCH_WORKER_NAME}.js"));
    let wasm = assets.join(format!("{SEARCH_WORKER_NAME}_bg.wasm"));
    if !glue.is_file() && !wasm.is_file() {
        return Ok(None);
    }
    let read = |path: &Path| {
        std::fs::read(path).map_err(|error| format!("{}: cannot be read: {error}", path.display()))
    };
    let (glue_bytes, wasm_bytes) = (read(&glue)?, read(&wasm)?);
    let hash = file_hash(&[glue_bytes.as_slice(), wasm_bytes.as_slice()].concat());
    let named = format!("{SEARCH_WORKER_NAME}-{hash}");
    let script = format!("{named}.js");
    let shell = shell_path(site_dir);
    let html = std::fs::read_to_string(&shell)
        .map_err(|error| format!("{}: cannot be read: {error}", shell.display()))?;
    let named_in_shell = name_in_shell(&html, &format!("{public_url}{ASSETS}/{script}"))
        .map_err(|error| format!("{}: {error}", shell.display()))?;
    let rename = |from: &Path, to: String| {
        std::fs::rename(from, assets.join(&to))
            .map_err(|error| format!("{}: cannot be renamed: {error}", from.display()))
    };
    rename(&wasm, format!("{named}_bg.wasm"))?;
    let mut worker_script = glue_bytes;
    worker_script.extend(start_wasm(&named).as_bytes());
    std::fs::write(assets.join(&script), worker_script)
        .map_err(|error| format!("{ASSETS}/{script}: cannot be written: {error}"))?;
    std::fs::remove_file(&glue)
        .map_err(|error| format!("{}: cannot be removed: {error}", glue.display()))?;
    std::fs::write(&shell, named_in_shell)
        .map_err(|error| format!("{}: cannot be written: {error}", shell.display()))?;
    Ok(Some(format!("{ASSETS}/{script}")))
}

/// The line after the glue that starts the worker's wasm. A wasm that fails to start is
/// thrown out of the worker, so the page hears of it (an `error` event) and tells the reader,
/// rather than waiting for an answer that never comes.
fn start_wasm(named: &str) -> String {
    format!(
        "\nwasm_bindgen({{ module_or_path: \"./{named}_bg.wasm\" }}).catch(function (error) {{\
         setTimeout(function () {{ throw error; }});\
         }});\n"
    )
}

/// `html` with the worker script's `address` on the script that starts the app (the one Trunk's
/// `pattern_script` writes, with the app's own wasm in `data-wasm`).
fn name_in_shell(html: &str, address: &str) -> Result<String, String> {
    let found = Cell::new(false);
    let settings = RewriteStrSettings::new().append_element_content_handler(element!(
        "script[data-wasm]",
        |script| {
            found.set(true);
            script.set_attribute(SEARCH_WORKER_ATTRIBUTE, address)?;
            Ok(())
        }
    ));
    let named = rewrite_str(html, settings).map_err(|error| error.to_string())?;
    if found.get() {
        Ok(named)
    } else {
        Err("no script starts the app (<script data-wasm>), to name the search worker on".into())
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

    fn write_worker(site: &Path, wasm: &[u8]) {
        let assets = site.join(ASSETS);
        std::fs::write(assets.join(format!("{SEARCH_WORKER_NAME}.js")), "glue").expect("glue");
        std::fs::write(assets.join(format!("{SEARCH_WORKER_NAME}_bg.wasm")), wasm).expect("wasm");
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

    #[test]
    fn the_workers_files_take_their_hash_and_the_shell_names_its_script() {
        let site = site();
        write_worker(site.path(), b"one");
        let script = name_search_worker(site.path(), "/clinic/")
            .expect("named")
            .expect("a script");
        let named = script
            .trim_start_matches("assets/")
            .trim_end_matches(".js")
            .to_string();
        assert!(named.len() > SEARCH_WORKER_NAME.len() + 8, "{named}");
        assert_eq!(
            assets(site.path()),
            [format!("{named}.js"), format!("{named}_bg.wasm")]
        );
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
        assert_eq!(name_search_worker(site.path(), "/clinic/"), Ok(None));
    }

    #[test]
    fn other_bytes_get_another_name() {
        let (one, other) = (site(), site());
        write_worker(one.path(), b"one");
        write_worker(other.path(), b"other");
        assert_ne!(
            name_search_worker(one.path(), "/"),
            name_search_worker(other.path(), "/")
        );
    }

    #[test]
    fn a_shell_without_the_apps_script_is_an_error() {
        let site = site();
        std::fs::write(site.path().join("index.html"), "<html></html>").expect("shell");
        write_worker(site.path(), b"one");
        let error = name_search_worker(site.path(), "/").expect_err("no script");
        assert!(error.contains("data-wasm"), "{error}");
    }
}
