//! The architecture the folders show, kept: no module uses one from a layer above it. From the
//! bottom: the shared names and helpers, the content, the reading settings and the page's
//! plumbing, the components, the route views, and the app that puts them together.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and its layer.
const LAYERS: &[(&str, usize)] = &[
    ("contract", 0),
    ("storage", 0),
    ("site_address", 0),
    ("navigation", 0),
    ("content", 1),
    ("prefs", 2),
    ("offline", 2),
    ("first_paint", 2),
    ("components", 3),
    ("pages", 4),
    ("handover", 5),
    ("prerender", 5),
    ("derived_files", 5),
    ("static_host", 5),
    ("lib", 5),
    ("main", 5),
];

fn layer(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// The top-level modules `code` names as `crate::<module>` or in `crate::{a::…, b}`,
/// outside comments.
fn modules_used(code: &str) -> Vec<String> {
    let code: String = code
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let is_name = |ch: char| ch.is_ascii_alphanumeric() || ch == '_';
    let mut used = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            used.push(rest.chars().take_while(|ch| is_name(*ch)).collect());
            continue;
        };
        // The first name of each path at the group's own level.
        let (mut depth, mut starts_path) = (0, true);
        let mut name = String::new();
        for ch in group.chars() {
            match ch {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    if !name.is_empty() {
                        used.push(std::mem::take(&mut name));
                    }
                    starts_path = true;
                }
                ch if depth == 0 && starts_path && is_name(ch) => name.push(ch),
                _ if depth == 0 && !name.is_empty() => {
                    used.push(std::mem::take(&mut name));
                    starts_path = false;
                }
                _ => {}
            }
        }
        if !name.is_empty() {
            used.push(name);
        }
    }
    // An item of the crate's root (`crate::App`) is the app's.
    used.into_iter()
        .filter(|name: &String| !name.is_empty())
        .map(|name| match name.chars().next() {
            Some(first) if first.is_uppercase() => "lib".to_string(),
            _ => name,
        })
        .collect()
}

/// Every use of a module from a layer above the file's, as "file uses module".
fn upward_uses(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("inside src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_string();
        if top == "bin" {
            continue; // The binaries are the app's, above every layer.
        }
        let own = layer(&top).unwrap_or_else(|| panic!("{top}: give the module a layer"));
        let code = std::fs::read_to_string(&file).expect("a source file");
        for used in modules_used(&code) {
            let theirs = layer(&used).unwrap_or_else(|| panic!("{used}: give the module a layer"));
            if theirs > own {
                found.push(format!("{} uses crate::{used}", relative.display()));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn no_module_uses_one_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    assert_eq!(upward_uses(&src), Vec::<String>::new());
}

#[test]
fn an_upward_use_is_found_and_a_comment_is_not() {
    let folder = tempfile::tempdir().expect("a working folder");
    let dir = folder.path();
    std::fs::create_dir_all(dir.join("content")).expect("a folder");
    std::fs::write(
        dir.join("content/fetch.rs"),
        "//! Saved by the worker (`crate::offline`).\nuse crate::contract::X;\n\
         use crate::offline::FromSavedCopy;\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("prefs.rs"),
        "use crate::{components::Panel, content, App};\n",
    )
    .expect("write");
    assert_eq!(
        upward_uses(dir),
        vec![
            "content/fetch.rs uses crate::offline".to_string(),
            "prefs.rs uses crate::components".to_string(),
            "prefs.rs uses crate::lib".to_string(),
        ]
    );
}
