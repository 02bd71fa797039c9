//! Writes the service worker into a build: `service-worker.js` beside this file, with
//! `PRECACHE` listing what it saves on install (taken from the build itself, so a rebuild
//! never names a stale file) and `VERSION` a hash of those files, so every change to them
//! installs a new worker and a fresh cache.

use std::path::Path;

use sha2::{Digest, Sha256};

use clinic_app::contract::{NOT_FOUND_FILE, SHELL_FILE};
use clinic_content::load::{article_file, parse, INDEX_FILE, SITE_FILE};
use clinic_content::{Article, ArticleIndex};

const TEMPLATE: &str = include_str!("service-worker.js");

/// The files the service worker saves on install, relative to the site's base address (""
/// is the home page): what every visit needs, and nothing that grows with the number of
/// articles (each page a reader visits is saved as it loads).
pub fn precache_list(site_dir: &Path) -> Result<Vec<String>, String> {
    let read = |file: &str| {
        std::fs::read_to_string(site_dir.join(file))
            .map_err(|error| format!("{file}: cannot be read: {error}"))
    };
    let index: ArticleIndex = parse(INDEX_FILE, &read(INDEX_FILE)?).map_err(|e| e.to_string())?;
    let home_file = article_file(&index.home);
    let home: Article = parse(&home_file, &read(&home_file)?).map_err(|e| e.to_string())?;
    let mut assets: Vec<String> = std::fs::read_dir(site_dir.join("assets"))
        .map_err(|error| format!("assets/: cannot be read: {error}"))?
        .flatten()
        .map(|entry| format!("assets/{}", entry.file_name().to_string_lossy()))
        .collect();
    assets.sort();
    let mut list = vec![
        String::new(),
        SHELL_FILE.into(),
        NOT_FOUND_FILE.into(),
        "boot.js".into(),
        SITE_FILE.into(),
    ];
    list.extend(assets);
    list.extend([
        home.hero.image,
        "favicon.svg".into(),
        "manifest.webmanifest".into(),
    ]);
    Ok(list)
}

/// Writes `service-worker.js` into `site_dir`; returns its version and how many files it
/// saves.
pub fn write_service_worker(site_dir: &Path) -> Result<(String, usize), String> {
    let precache = precache_list(site_dir)?;
    let mut hash = Sha256::new();
    hash.update(TEMPLATE);
    for path in &precache {
        // A folder's page is its index.html.
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.clone()
        };
        let bytes = std::fs::read(site_dir.join(&file))
            .map_err(|error| format!("{file}: cannot be read: {error}"))?;
        hash.update(path.as_bytes());
        hash.update(bytes);
    }
    let version: String = hash
        .finalize()
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let list = serde_json::to_string(&precache).map_err(|error| error.to_string())?;
    let mut filled = String::new();
    for line in TEMPLATE.lines() {
        if line.starts_with("const VERSION = ") {
            filled.push_str(&format!("const VERSION = \"{version}\";"));
        } else if line.starts_with("const PRECACHE = ") {
            filled.push_str(&format!("const PRECACHE = {list};"));
        } else {
            filled.push_str(line);
        }
        filled.push('\n');
    }
    if !filled.contains(&list) || !filled.contains(&version) {
        return Err("crates/build/src/service-worker.js lost its VERSION or PRECACHE line".into());
    }
    std::fs::write(site_dir.join("service-worker.js"), filled)
        .map_err(|error| format!("service-worker.js: cannot be written: {error}"))?;
    Ok((version, precache.len()))
}
