//! A fresh clone builds with plain `trunk build --release`: Rust and Trunk (with the tools
//! Trunk itself needs, wasm-bindgen and wasm-opt) are enough. The pages are pre-rendered by
//! the project's own native binary; no Node modules are installed in the clone.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The project's files as a clone has them: tracked, or new and not ignored.
fn copy_of_the_project(to: &Path) {
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(repo_root())
        .output()
        .expect("git ls-files");
    assert!(listed.status.success(), "git ls-files failed");
    for file in listed
        .stdout
        .split(|byte| *byte == 0)
        .filter(|f| !f.is_empty())
    {
        let file = String::from_utf8_lossy(file).into_owned();
        let from = repo_root().join(&file);
        if !from.is_file() {
            continue; // deleted in the work tree
        }
        let target = to.join(&file);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("create a folder");
        std::fs::copy(&from, &target).unwrap_or_else(|e| panic!("copy {file}: {e}"));
    }
}

#[test]
fn a_fresh_clone_builds_and_pre_renders_with_plain_trunk_and_no_node_modules() {
    let clone = repo_root().join("target/fresh-clone");
    let _ = std::fs::remove_dir_all(&clone);
    copy_of_the_project(&clone);
    assert!(!clone.join("tools/node_modules").exists());

    // On PATH: Rust, Trunk and wasm-bindgen (~/.cargo/bin), and wasm-opt alone from the
    // set-up's npm tools (Trunk downloads its own where it can reach GitHub; this machine
    // cannot).
    let tools = clone.join("target/tools-on-path");
    std::fs::create_dir_all(&tools).expect("a folder for tools");
    std::os::unix::fs::symlink(
        repo_root().join("tools/node_modules/.bin/wasm-opt"),
        tools.join("wasm-opt"),
    )
    .expect("link wasm-opt (run tools/dev.sh setup)");
    let home = std::env::var("HOME").unwrap_or_default();
    let path = format!("{}:{home}/.cargo/bin:/usr/bin:/bin", tools.display());
    let output = Command::new("trunk")
        .args(["build", "--release"])
        .current_dir(&clone)
        .env_clear()
        .env("PATH", path)
        .env("HOME", &home)
        .env("TRUNK_OFFLINE", "true")
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        // The dependencies the suite already built (the clone's own crate builds anew).
        .env("CARGO_TARGET_DIR", repo_root().join("target"))
        .output()
        .expect("run trunk (tools/dev.sh setup installs it)");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "trunk build --release failed:\n{log}"
    );
    assert!(log.contains("prerender: "), "{log}");

    let dist = clone.join("dist");
    let home_page = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    assert!(
        home_page.contains("<html lang=\"en\" data-page-path=\"/\""),
        "pre-rendered"
    );
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dist.join("content/articles.json")).expect("the index"),
    )
    .expect("JSON");
    for article in index["articles"].as_array().expect("articles") {
        let slug = article["slug"].as_str().expect("slug");
        assert!(
            dist.join(format!("articles/{slug}/index.html")).is_file(),
            "{slug} has its own page"
        );
    }
    for file in ["404.html", "app.html", "service-worker.js"] {
        assert!(dist.join(file).is_file(), "{file}");
    }
    let _ = std::fs::remove_dir_all(&clone);
}
