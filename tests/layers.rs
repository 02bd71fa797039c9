//! The architecture the folders show, kept. Between crates: the content knows no other crate
//! and nothing of the browser's libraries; the app and the editors' tools know only the
//! content; the build knows all three. Inside the app: no module uses one from a layer above
//! it. From the bottom: the shared names and the page's plumbing, loading content, the reading
//! settings and offline reading, the components, the route views, the hand-over, and the app
//! that puts them together.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Each top-level module of the app (`crates/app/src/`) and its layer.
const LAYERS: &[(&str, usize)] = &[
    ("contract", 0),
    ("storage", 0),
    ("site_address", 0),
    ("words", 0),
    ("navigation", 0),
    ("loading", 1),
    ("search_worker", 1),
    ("prefs", 2),
    ("offline", 2),
    ("first_paint", 2),
    ("components", 3),
    ("pages", 4),
    ("handover", 5),
    ("app", 6),
    ("lib", 6),
    ("main", 6),
    ("bin", 6),
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
fn no_module_of_the_app_uses_one_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/app/src");
    assert_eq!(upward_uses(&src), Vec::<String>::new());
}

/// Each crate of the workspace: the crates it may use, and whether it may use the browser's
/// libraries (Leptos, web-sys, wasm-bindgen).
const CRATES: &[(&str, &[&str], bool)] = &[
    ("clinic-content", &[], false),
    ("clinic-app", &["clinic-content"], true),
    ("clinic-editor", &["clinic-content"], false),
    (
        "clinic-build",
        &["clinic-content", "clinic-app", "clinic-editor"],
        true,
    ),
    (
        "clinic-site",
        &[
            "clinic-content",
            "clinic-app",
            "clinic-editor",
            "clinic-build",
        ],
        true,
    ),
];

const BROWSER_LIBRARIES: [&str; 4] = ["leptos", "leptos-use", "web-sys", "wasm-bindgen"];

/// Every crate's dependencies (normal ones, for any target), as `cargo metadata` reads the
/// manifests.
fn dependencies(metadata: &serde_json::Value) -> BTreeMap<String, Vec<String>> {
    metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|package| {
            let used = package["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter(|dependency| dependency["kind"].is_null())
                .map(|dependency| dependency["name"].as_str().unwrap_or_default().to_string())
                .collect();
            (
                package["name"].as_str().unwrap_or_default().to_string(),
                used,
            )
        })
        .collect()
}

/// Every dependency a crate may not have, as "crate uses dependency".
fn forbidden_dependencies(crates: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut found = Vec::new();
    for (name, used) in crates {
        let Some((_, allowed, browser)) = CRATES.iter().find(|(known, ..)| known == name) else {
            found.push(format!("{name}: give the crate its place in CRATES"));
            continue;
        };
        for dependency in used {
            let ours = dependency.starts_with("clinic-") && !allowed.contains(&dependency.as_str());
            let browsers = !browser && BROWSER_LIBRARIES.contains(&dependency.as_str());
            if ours || browsers {
                found.push(format!("{name} uses {dependency}"));
            }
        }
    }
    found
}

#[test]
fn each_crate_uses_only_the_crates_below_it() {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let crates = dependencies(&metadata);
    assert_eq!(crates.len(), CRATES.len(), "{crates:?}");
    assert_eq!(forbidden_dependencies(&crates), Vec::<String>::new());
}

#[test]
fn a_crate_using_one_above_it_or_the_browsers_libraries_is_found() {
    let crates: BTreeMap<String, Vec<String>> = [
        ("clinic-content", vec!["serde", "leptos"]),
        ("clinic-editor", vec!["clinic-content", "clinic-build"]),
        ("clinic-app", vec!["clinic-content", "leptos"]),
        ("clinic-extra", vec![]),
    ]
    .into_iter()
    .map(|(name, used)| {
        (
            name.to_string(),
            used.into_iter().map(String::from).collect(),
        )
    })
    .collect();
    assert_eq!(
        forbidden_dependencies(&crates),
        vec![
            "clinic-content uses leptos".to_string(),
            "clinic-editor uses clinic-build".to_string(),
            "clinic-extra: give the crate its place in CRATES".to_string(),
        ]
    );
}

#[test]
fn an_upward_use_is_found_and_a_comment_is_not() {
    let folder = tempfile::tempdir().expect("a working folder");
    let dir = folder.path();
    std::fs::create_dir_all(dir.join("pages")).expect("a folder");
    std::fs::write(
        dir.join("pages/head.rs"),
        "//! Adopted by the app (`crate::handover`).\nuse crate::contract::X;\n\
         use crate::handover::finish;\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("prefs.rs"),
        "use crate::{components::Panel, loading, App};\n",
    )
    .expect("write");
    assert_eq!(
        upward_uses(dir),
        vec![
            "pages/head.rs uses crate::handover".to_string(),
            "prefs.rs uses crate::components".to_string(),
            "prefs.rs uses crate::lib".to_string(),
        ]
    );
}
