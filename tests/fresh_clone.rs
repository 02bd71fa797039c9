//! A fresh clone builds with plain `trunk build --release`: Rust and Trunk (with the tools
//! Trunk itself needs, wasm-bindgen and wasm-opt) are enough. The pages are pre-rendered by
//! the project's own native binary; no Node modules are installed in the clone.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The project's files as a clone has them: tracked, or new and not ignored. From a source
/// archive (no `.git`), every file but those `.gitignore` names.
fn project_files() -> Vec<PathBuf> {
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(repo_root())
        .output();
    match listed {
        Ok(listed) if listed.status.success() && repo_root().join(".git").exists() => listed
            .stdout
            .split(|byte| *byte == 0)
            .filter(|file| !file.is_empty())
            .map(|file| PathBuf::from(String::from_utf8_lossy(file).into_owned()))
            .collect(),
        _ => files_not_ignored(&repo_root(), Path::new("")),
    }
}

/// The files under `root`/`folder`, leaving out `.git` and what `.gitignore` names (its lines
/// are paths from the root, or names matched anywhere).
fn files_not_ignored(root: &Path, folder: &Path) -> Vec<PathBuf> {
    let ignored: Vec<String> = std::fs::read_to_string(root.join(".gitignore"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .chain([".git".to_string()])
        .collect();
    let is_ignored = |relative: &Path| {
        let path = relative.to_string_lossy();
        let name = relative.file_name().unwrap_or_default().to_string_lossy();
        ignored
            .iter()
            .any(|pattern| match pattern.strip_prefix('/') {
                Some(from_root) => path == from_root,
                None => name == pattern.as_str(),
            })
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root.join(folder))
        .expect("a folder")
        .flatten()
    {
        let relative = folder.join(entry.file_name());
        if is_ignored(&relative) {
            continue;
        }
        if entry.path().is_dir() {
            files.extend(files_not_ignored(root, &relative));
        } else {
            files.push(relative);
        }
    }
    files
}

fn copy_of_the_project(to: &Path) {
    for file in project_files() {
        let from = repo_root().join(&file);
        if !from.is_file() {
            continue; // deleted in the work tree
        }
        let target = to.join(&file);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("create a folder");
        std::fs::copy(&from, &target).unwrap_or_else(|e| panic!("copy {}: {e}", file.display()));
    }
}

#[test]
fn from_a_source_archive_every_file_but_the_ignored_ones_is_copied() {
    let folder = tempfile::tempdir().expect("a working folder");
    let root = folder.path();
    for file in [
        ".gitignore",
        "src/main.rs",
        "target/debug/app",
        "tools/node_modules/x/index.js",
        "tools/package.json",
        "docs/dist/page.md",
        ".git/HEAD",
        "notes/.bench-index.html",
    ] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        std::fs::write(&path, "").expect("write");
    }
    std::fs::write(
        root.join(".gitignore"),
        "/target\n/dist\n/tools/node_modules\n.bench-index.html\n",
    )
    .expect("write");
    let mut files = files_not_ignored(root, Path::new(""));
    files.sort();
    assert_eq!(
        files,
        [
            ".gitignore",
            "docs/dist/page.md",
            "src/main.rs",
            "tools/package.json"
        ]
        .map(PathBuf::from)
    );
}

#[test]
fn a_fresh_clone_builds_and_pre_renders_with_plain_trunk_and_no_node_modules() {
    let folder = tempfile::tempdir().expect("a working folder");
    let clone = folder.path().to_path_buf();
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
    let trunk = |args: &[&str]| {
        let mut command = Command::new("trunk");
        command
            .args(args)
            .current_dir(&clone)
            .env_clear()
            .env("PATH", &path)
            .env("HOME", &home)
            .env("TRUNK_OFFLINE", "true")
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            // The dependencies the suite already built (the clone's own crates build anew).
            .env("CARGO_TARGET_DIR", repo_root().join("target"));
        command
    };
    let output = trunk(&["build", "--release"])
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
    assert!(home_page.contains(" data-page-path=\"/\""), "pre-rendered");
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

    // trunk serve publishes a Markdown edit at once: no import, no other command.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let mut serving = trunk(&[
        "serve",
        "--release",
        "--port",
        &port.to_string(),
        "--no-autoreload",
    ])
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null())
    .spawn()
    .expect("run trunk serve");
    let source = clone.join("content-src").join(format!(
        "{}.md",
        index["home"].as_str().expect("the home article")
    ));
    let markdown = std::fs::read_to_string(&source).expect("the home article's Markdown");
    let served = (|| {
        until_served(port, "<h1")?;
        let edit = "An editor's correction, published by trunk serve.";
        let (front, body) = markdown.split_at(markdown.find("\n---\n").expect("front matter") + 5);
        std::fs::write(&source, format!("{front}\n{edit}\n{body}")).expect("edit the Markdown");
        until_served(port, edit)
    })();
    let _ = serving.kill();
    let _ = serving.wait();
    served.unwrap_or_else(|error| panic!("{error}"));
}

/// Waits until the home page trunk serve answers at `port` holds `text`, for the time a
/// release build takes at most.
fn until_served(port: u16, text: &str) -> Result<(), String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
    let mut last = String::new();
    while std::time::Instant::now() < deadline {
        if let Ok(page) = get(port, "/") {
            if page.contains(text) {
                return Ok(());
            }
            last = page.chars().take(400).collect();
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    Err(format!("trunk serve never served {text:?}; last: {last}"))
}

/// The body of `GET path` at `port`.
fn get(port: u16, path: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    Ok(answer)
}
