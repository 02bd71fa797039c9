//! Writes offline reading into a build: `published.json`, every file the build publishes with
//! a hash of its bytes (so the service worker can tell, without downloading the site, which
//! of the copies saved on a reader's device are current, changed or withdrawn), and
//! `service-worker.js` from `service-worker.js` beside this file, with `PRECACHE` listing what
//! it saves on install and `VERSION` a hash of everything published, so that any change to the
//! site installs a new worker, which brings every saved copy up to date.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use clinic_app::contract::{NOT_FOUND_FILE, PUBLISHED_FILE, SEARCH_WORKER_NAME, SHELL_FILE};
use clinic_content::load::{article_file, parse, EDITORS_DIR, INDEX_FILE, SITE_FILE};
use clinic_content::model::article_path;
use clinic_content::words::locale_file;
use clinic_content::{Article, ArticleIndex, SiteSettings};

const TEMPLATE: &str = include_str!("service-worker.js");
const SERVICE_WORKER_FILE: &str = "service-worker.js";

/// What a build publishes, as the service worker reads it (`published.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// Every file of the build (the worker and this list aside), relative to the site's
    /// base, with the start of the SHA-256 of its bytes in hex.
    pub files: BTreeMap<String, String>,
    /// Pages that show the same thing at another address, each with its other addresses
    /// (relative to the site's base; "" is the home page): a page saved at one is saved at
    /// the others too, so it opens offline at each.
    pub alternates: BTreeMap<String, Vec<String>>,
}

/// The hash `published.json` gives a file: the first 16 hex digits of its SHA-256, as the
/// service worker computes it from a response (`crypto.subtle.digest`).
pub fn file_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Every file under `site_dir` but the worker, the list itself and the editors' page, with
/// its hash; and the home page's other address, its article's own.
pub fn published(site_dir: &Path) -> Result<Published, String> {
    let mut files = BTreeMap::new();
    add_files(site_dir, site_dir, &mut files)?;
    files.remove(SERVICE_WORKER_FILE);
    files.remove(PUBLISHED_FILE);
    files.retain(|file, _| !file.starts_with(EDITORS_DIR));
    let index = read_index(site_dir)?;
    let home_page = article_path(&index.home);
    let alternates = BTreeMap::from([
        (String::new(), vec![home_page.clone()]),
        (home_page, vec![String::new()]),
    ]);
    Ok(Published { files, alternates })
}

fn add_files(
    site_dir: &Path,
    folder: &Path,
    files: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|error| format!("{}: cannot be read: {error}", folder.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            add_files(site_dir, &path, files)?;
            continue;
        }
        let bytes = std::fs::read(&path)
            .map_err(|error| format!("{}: cannot be read: {error}", path.display()))?;
        let relative = path
            .strip_prefix(site_dir)
            .map_err(|error| error.to_string())?
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.insert(relative, file_hash(&bytes));
    }
    Ok(())
}

fn read_index(site_dir: &Path) -> Result<ArticleIndex, String> {
    let text = std::fs::read_to_string(site_dir.join(INDEX_FILE))
        .map_err(|error| format!("{INDEX_FILE}: cannot be read: {error}"))?;
    parse(INDEX_FILE, &text).map_err(|error| error.to_string())
}

/// The files the service worker saves on install, relative to the site's base address (""
/// is the home page): what every visit needs (the shell and what it downloads first), and nothing that grows with the number of
/// articles (each page a reader visits is saved as it loads). The search worker is saved
/// when a reader first searches, with the index's directory and the chunks each query
/// fetched: offline, search needs all three, and a reader who never searches needs none.
pub fn precache_list(site_dir: &Path) -> Result<Vec<String>, String> {
    let index = read_index(site_dir)?;
    let home_file = article_file(&index.home);
    let text = std::fs::read_to_string(site_dir.join(&home_file))
        .map_err(|error| format!("{home_file}: cannot be read: {error}"))?;
    let home: Article = parse(&home_file, &text).map_err(|e| e.to_string())?;
    let site_text = std::fs::read_to_string(site_dir.join(SITE_FILE))
        .map_err(|error| format!("{SITE_FILE}: cannot be read: {error}"))?;
    let site: SiteSettings = parse(SITE_FILE, &site_text).map_err(|e| e.to_string())?;
    let mut assets: Vec<String> = std::fs::read_dir(site_dir.join("assets"))
        .map_err(|error| format!("assets/: cannot be read: {error}"))?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with(SEARCH_WORKER_NAME))
        .map(|name| format!("assets/{name}"))
        .collect();
    assets.sort();
    let mut list = vec![
        String::new(),
        SHELL_FILE.into(),
        NOT_FOUND_FILE.into(),
        "boot.js".into(),
        SITE_FILE.into(),
        // The interface's words of the site's language, which the shell downloads with it.
        locale_file(site.language()),
    ];
    list.extend(assets);
    list.extend(home.hero.map(|hero| hero.image));
    list.extend(["favicon.svg".into(), "manifest.webmanifest".into()]);
    Ok(list)
}

/// Writes `published.json` and `service-worker.js` into `site_dir`; returns the worker's
/// version and how many files it saves on install.
pub fn write_service_worker(site_dir: &Path) -> Result<(String, usize), String> {
    let precache = precache_list(site_dir)?;
    let published = published(site_dir)?;
    for file in &precache {
        let file = if file.is_empty() { "index.html" } else { file };
        if !published.files.contains_key(file) {
            return Err(format!("{file}: saved on install, but not in the build"));
        }
    }
    let list = serde_json::to_string(&published).map_err(|error| error.to_string())?;
    let version = hex(&Sha256::digest(format!("{TEMPLATE}{list}").as_bytes())[..8]);
    let precache_json = serde_json::to_string(&precache).map_err(|error| error.to_string())?;
    let mut filled = String::new();
    for line in TEMPLATE.lines() {
        if line.starts_with("const VERSION = ") {
            filled.push_str(&format!("const VERSION = \"{version}\";"));
        } else if line.starts_with("const PRECACHE = ") {
            filled.push_str(&format!("const PRECACHE = {precache_json};"));
        } else {
            filled.push_str(line);
        }
        filled.push('\n');
    }
    if !filled.contains(&precache_json) || !filled.contains(&version) {
        return Err("crates/build/src/service-worker.js lost its VERSION or PRECACHE line".into());
    }
    let write = |file: &str, text: &str| {
        std::fs::write(site_dir.join(file), text)
            .map_err(|error| format!("{file}: cannot be written: {error}"))
    };
    write(PUBLISHED_FILE, &list)?;
    write(SERVICE_WORKER_FILE, &filled)?;
    Ok((version, precache.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_start_of_the_sha256_the_browser_computes() {
        // SHA-256 of "abc": ba7816bf8f01cfea 414140de…
        assert_eq!(file_hash(b"abc"), "ba7816bf8f01cfea");
    }
}
